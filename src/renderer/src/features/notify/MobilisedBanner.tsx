// Shown on every screen while a mobilisation shared through the cell asks this laptop's member and they have not
// acknowledged it: the incident, the role, and the button that acknowledges from this laptop (signed by it).
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconBellRinging } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAcknowledgeMine, useMyCalls } from '../../api/hooks/useNotify';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { errorMessage } from '../../i18n/errorMessage';

export function MobilisedBanner() {
  const { t, i18n } = useTranslation();
  const workspaceId = useWorkspaceId();
  const calls = useMyCalls(workspaceId).data ?? [];
  const acknowledge = useAcknowledgeMine(workspaceId);
  const open = calls.filter((c) => c.acknowledgedAt === null);
  if (open.length === 0) return null;
  const language = i18n.language === 'en' ? 'en' : 'fr';
  return (
    <Alert color="red" variant="filled" mb="md" icon={<IconBellRinging aria-hidden />} data-testid="mobilised-banner" role="alert">
      <Stack gap="xs">
        {open.map((call) => (
          <Group key={`${call.mobilisationId}:${call.roleId}`} justify="space-between" wrap="nowrap" data-testid="mobilised-call" data-role={call.roleId}>
            <div>
              <Text fw={700} data-testid="mobilised-text">
                {t('notify.mine.banner', { title: call.title, role: call.roleName[language] })}
              </Text>
              <Text size="sm">
                {t('notify.mine.detail', { level: t(`notify.levels.${call.level}`), by: call.mobilisedBy ?? t('notify.mine.unknownMember') })}
              </Text>
            </div>
            <Button
              size="xs"
              variant="white"
              color="dark"
              loading={acknowledge.isPending && acknowledge.variables?.roleId === call.roleId}
              onClick={() => acknowledge.mutate({ mobilisationId: call.mobilisationId, roleId: call.roleId })}
              data-testid="mobilised-acknowledge"
            >
              {t('notify.mine.acknowledge')}
            </Button>
          </Group>
        ))}
        {acknowledge.error && <Text size="sm">{errorMessage(acknowledge.error, t)}</Text>}
      </Stack>
    </Alert>
  );
}
