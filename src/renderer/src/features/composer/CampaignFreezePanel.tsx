// The campaign freeze register: freeze everything in one action, or release one campaign, always with a reason.
import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceId } from '../../../../shared/domain/workspace';
import { useCampaigns, useComposerCall } from '../../api/hooks/useComposer';
import { QueryState } from '../../components/QueryState';
import { formatDateTime } from '../../i18n/format';
import { useOperator } from '../incidents/useOperator';
import { errorMessage } from '../../i18n/errorMessage';

/** A compact input whose placeholder is its accessible name. */
function LabelledInput({ label, width, value, onChange, testId }: { label: string; width: number; value: string; onChange: (value: string) => void; testId: string }) {
  return (
    <TextInput
      size="xs"
      w={width}
      placeholder={label}
      aria-label={label}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data-testid={testId}
    />
  );
}

export function CampaignFreezePanel({ workspaceId, incidentId }: { workspaceId: WorkspaceId; incidentId: string | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'fr' ? 'fr' : 'en';
  const campaigns = useCampaigns(workspaceId);
  const freeze = useComposerCall('composer:freeze');
  const [operator] = useOperator('');
  const [person, setPerson] = useState(operator.name);
  const [reason, setReason] = useState('');
  const act = (campaignIds: string[] | 'all', action: 'freeze' | 'unfreeze'): void =>
    freeze.mutate({ workspaceId, campaigns: campaignIds, action, person: person.trim(), reason, incidentId }, { onSuccess: () => setReason('') });
  const ready = reason.trim() !== '' && person.trim() !== '';
  return (
    <Paper withBorder p="md" data-testid="composer-freeze">
      <QueryState query={campaigns}>
        {(list) => (
          <Stack gap="sm">
            <Group justify="space-between">
              <Title order={4}>{t('composer.freeze.title')}</Title>
              <Group gap="xs" align="flex-end">
                <LabelledInput label={t('composer.approvals.person')} width={180} value={person} onChange={setPerson} testId="composer-freeze-person" />
                <LabelledInput label={t('composer.freeze.reason')} width={320} value={reason} onChange={setReason} testId="composer-freeze-reason" />
                <Button size="xs" color="red" disabled={!ready || list.every((c) => c.frozen || c.planStatus === 'ended')} loading={freeze.isPending} onClick={() => act('all', 'freeze')} data-testid="composer-freeze-all">
                  {t('composer.freeze.freezeAll')}
                </Button>
              </Group>
            </Group>
            <Text size="xs" c="dimmed">
              {t('composer.freeze.help')}
            </Text>
            {list.length === 0 && <Text c="dimmed">{t('composer.freeze.empty')}</Text>}
            <SimpleGrid cols={{ base: 1, md: 3 }}>
              {list.map((c) => (
                <Paper key={c.id} withBorder p="xs" data-testid={`campaign-${c.id}`} data-frozen={c.frozen}>
                  <Stack gap={4}>
                    <Group justify="space-between" wrap="nowrap">
                      <Text fw={600} size="sm">
                        {c.name}
                      </Text>
                      <Badge style={{ flexShrink: 0 }} color={c.frozen ? 'blue' : c.planStatus === 'ended' ? 'gray' : 'orange'}>
                        {c.frozen ? t('composer.freeze.frozen') : c.planStatus === 'ended' ? t('composer.freeze.ended') : t('composer.freeze.live')}
                      </Badge>
                    </Group>
                    {c.channels.length > 0 && (
                      <Text size="xs" c="dimmed">
                        {c.channels.join(' · ')}
                      </Text>
                    )}
                    {c.owner && <Text size="xs">{t('composer.freeze.owner', { owner: [c.owner, c.ownerPhone].filter(Boolean).join(' ') })}</Text>}
                    {c.howToFreeze[lang] && <Text size="xs">{t('composer.freeze.howTo', { how: c.howToFreeze[lang] })}</Text>}
                    {c.lastChange && (
                      <Text size="xs" c="dimmed">
                        {t('composer.freeze.last', {
                          action: t(`composer.freeze.actions.${c.lastChange.action}`),
                          person: c.lastChange.person,
                          at: formatDateTime(c.lastChange.at, i18n.language),
                          reason: c.lastChange.reason,
                        })}
                      </Text>
                    )}
                    <Button size="compact-xs" variant="light" w="fit-content" disabled={!ready} onClick={() => act([c.id], c.frozen ? 'unfreeze' : 'freeze')}>
                      {c.frozen ? t('composer.freeze.unfreeze') : t('composer.freeze.freeze')}
                    </Button>
                  </Stack>
                </Paper>
              ))}
            </SimpleGrid>
            {freeze.error && (
              <Text c="red" size="sm">
                {errorMessage(freeze.error, t)}
              </Text>
            )}
          </Stack>
        )}
      </QueryState>
    </Paper>
  );
}
