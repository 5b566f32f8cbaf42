// Says plainly that the demo watch is simulated data; stopping it asks what becomes of the demo watch and its data.
import { Alert, Badge, Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDemoStatus, useStopDemo } from '../../api/hooks/useDashboard';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { errorMessage } from '../../i18n/errorMessage';

export function DemoBanner() {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const status = useDemoStatus(workspaceId);
  const [asking, setAsking] = useState(false);
  if (status.data?.state !== 'running') return null;
  const watch = status.data.watchName ?? '';
  return (
    <Alert color="violet" variant="filled" data-testid="demo-banner" p="sm">
      <Group justify="space-between" wrap="nowrap">
        <Text fw={600}>{t('dashboard.demo.banner', { watch })}</Text>
        <Button color="white" variant="white" c="violet.9" style={{ flexShrink: 0 }} onClick={() => setAsking(true)} data-testid="demo-stop">
          {t('dashboard.demo.stop')}
        </Button>
      </Group>
      {asking && <StopDemoModal watch={watch} onClose={() => setAsking(false)} />}
    </Alert>
  );
}

function StopDemoModal({ watch, onClose }: { watch: string; onClose: () => void }) {
  const { t } = useTranslation();
  const stop = useStopDemo(useWorkspaceId());
  const [choice, setChoice] = useState<'keep' | 'remove'>('keep');
  return (
    <Modal opened onClose={onClose} title={t('dashboard.demo.confirm.title')} size="lg" closeButtonProps={{ 'aria-label': t('dashboard.demo.confirm.cancel') }}>
      <Stack data-testid="demo-stop-dialog">
        <Text size="sm">{t('dashboard.demo.confirm.body', { watch })}</Text>
        <Radio.Group value={choice} onChange={(v) => setChoice(v === 'remove' ? 'remove' : 'keep')}>
          <Stack gap="sm">
            <Radio value="keep" label={t('dashboard.demo.confirm.keep')} description={t('dashboard.demo.confirm.keepHelp')} data-testid="demo-stop-keep" />
            <Radio value="remove" label={t('dashboard.demo.confirm.remove')} description={t('dashboard.demo.confirm.removeHelp')} data-testid="demo-stop-remove" />
          </Stack>
        </Radio.Group>
        <Text size="sm" c="dimmed">
          {t('dashboard.demo.confirm.logged')}
        </Text>
        {stop.isError && (
          <Text c="red" size="sm" role="alert">
            {errorMessage(stop.error, t)}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-testid="demo-stop-cancel">
            {t('dashboard.demo.confirm.cancel')}
          </Button>
          <Button
            color={choice === 'remove' ? 'red' : 'violet'}
            loading={stop.isPending}
            onClick={() => stop.mutate(choice === 'remove', { onSuccess: onClose })}
            data-testid="demo-stop-confirm"
          >
            {t('dashboard.demo.confirm.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Marks the demo watch wherever it is picked. */
export function DemoBadge({ watchId }: { watchId: number | null }) {
  const { t } = useTranslation();
  const status = useDemoStatus(useWorkspaceId());
  if (watchId === null || status.data?.watchId !== watchId) return null;
  return (
    <Badge color="violet" size="lg" radius="sm" data-testid="demo-badge">
      {t('dashboard.demo.badge')}
    </Badge>
  );
}
