// Mobilising asks first and says exactly what will happen: a call list to work through by phone, and alerts sent
// outside Tocsin only when the workspace has alert channels set up.
import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Actor, IncidentDetail } from '../../../../shared/domain/incident';
import { useIncidentAction } from '../../api/hooks/useIncidents';
import { useNotifySettings } from '../../api/hooks/useNotify';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { errorMessage } from '../../i18n/errorMessage';
import { formatTime } from './format';

interface Props {
  readonly detail: IncidentDetail;
  readonly actor: Actor;
  readonly onClose: () => void;
  readonly onMobilised: () => void;
}

export function MobiliseModal({ detail, actor, onClose, onMobilised }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'fr' ? 'fr' : 'en';
  const workspaceId = useWorkspaceId();
  const mobilise = useIncidentAction('incidents:mobilise');
  const toCall = detail.roster.filter((r) => r.holder !== null);
  const vacant = detail.roster.length - toCall.length;
  const channels = useNotifySettings(workspaceId).data;
  const sends = channels !== undefined && (channels.email !== null || channels.sms !== null || channels.messenger !== null);

  return (
    <Modal opened onClose={onClose} title={t('incidents.mobiliseConfirm.title')} size="lg" closeButtonProps={{ 'aria-label': t('incidents.mobiliseConfirm.cancel') }}>
      <Stack data-testid="mobilise-confirm">
        <Text size="sm">{t('incidents.mobiliseConfirm.what', { count: toCall.length })}</Text>
        <List size="sm" type="ordered" data-testid="mobilise-list">
          {toCall.map((r) => (
            <List.Item key={r.roleId}>
              {r.name[lang]}
              {t('incidents.colon')}
              {r.holder?.name} — {r.holder?.phone}
            </List.Item>
          ))}
        </List>
        {vacant > 0 && (
          <Text size="sm" c="orange.8">
            {t('incidents.mobiliseConfirm.vacant', { count: vacant })}
          </Text>
        )}
        <Alert variant="light" color="gray" p="xs">
          <Text size="sm" data-testid="mobilise-messages">
            {sends ? t('notify.mobilise.willSend') : t('incidents.mobiliseConfirm.noMessage')}
          </Text>
          <Text size="sm">{t('incidents.mobiliseConfirm.logged')}</Text>
          {detail.mobilisation && (
            <Text size="sm" fw={600}>
              {t('incidents.mobiliseConfirm.again', { time: formatTime(detail.mobilisation.startedAt, i18n.language) })}
            </Text>
          )}
        </Alert>
        {mobilise.isError && (
          <Text c="red" size="sm" role="alert">
            {errorMessage(mobilise.error, t)}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-testid="mobilise-cancel">
            {t('incidents.mobiliseConfirm.cancel')}
          </Button>
          <Button
            color="red"
            loading={mobilise.isPending}
            onClick={() => mobilise.mutate({ workspaceId, incidentId: detail.id, actor }, { onSuccess: onMobilised })}
            data-testid="mobilise-submit"
          >
            {t('incidents.mobiliseConfirm.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
