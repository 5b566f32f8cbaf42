// Sealed mode switch and the derived allow-list: what may leave this computer, and why.
import { Alert, Badge, Code, List, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNetworkPolicy } from '../../api/hooks/useSecurity';
import { useUpdateWorkspaceSettings } from '../../api/hooks/useWorkspace';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { QueryState } from '../../components/QueryState';

export function NetworkPanel() {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const policy = useNetworkPolicy(workspaceId);
  const update = useUpdateWorkspaceSettings(workspaceId);
  return (
    <Paper withBorder p="lg" data-testid="network-panel">
      <QueryState query={policy}>
        {(p) => (
          <Stack>
            <Title order={3} size="h4">
              {t('security.networkTitle')}
            </Title>
            <Switch
              size="md"
              label={t('security.sealed')}
              description={t('security.sealedHelp')}
              checked={p.sealed}
              disabled={update.isPending}
              onChange={(e) => update.mutate({ sealed: e.currentTarget.checked })}
              data-testid="sealed-switch"
            />
            {p.sealed ? (
              <Alert color="blue" data-testid="network-state">
                {t('security.sealedOn')}
              </Alert>
            ) : (
              <Stack gap={4} data-testid="network-state">
                <Text size="sm">{t('security.allowListHelp')}</Text>
                {p.allowed.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('security.allowListEmpty')}
                  </Text>
                ) : (
                  <List size="sm">
                    {p.allowed.map((a) => (
                      <List.Item key={a.origin}>
                        <Code>{a.origin}</Code> — {a.reason}
                        {a.localNetwork && (
                          <Badge ml="xs" size="xs" variant="light">
                            {t('security.localNetwork')}
                          </Badge>
                        )}
                      </List.Item>
                    ))}
                  </List>
                )}
              </Stack>
            )}
            <Text size="xs" c="dimmed">
              {t('security.noTelemetry')}
            </Text>
          </Stack>
        )}
      </QueryState>
    </Paper>
  );
}
