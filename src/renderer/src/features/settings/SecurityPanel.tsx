// Data protection: how the database keys are protected, passphrase, key rotation.
import { Alert, Button, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLock, IconLockOpen } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRotateKey, useSecurityStatus, useSetPassphrase } from '../../api/hooks/useSecurity';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { QueryState } from '../../components/QueryState';
import { errorMessage } from '../../i18n/errorMessage';

export function SecurityPanel() {
  const { t } = useTranslation();
  const status = useSecurityStatus();
  return (
    <Paper withBorder p="lg" data-testid="security-panel">
      <QueryState query={status}>
        {(s) => (
          <Stack>
            <Title order={3} size="h4">
              {t('security.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('security.help')}
            </Text>
            <Alert
              color={s.protection === 'none' ? 'orange' : 'green'}
              icon={s.protection === 'none' ? <IconLockOpen size={18} /> : <IconLock size={18} />}
              data-testid="key-protection"
            >
              {t(`security.protection.${s.protection}`)}
            </Alert>
            <PassphraseForm hasPassphrase={s.protection === 'passphrase'} />
            <RotateKey />
          </Stack>
        )}
      </QueryState>
    </Paper>
  );
}

function PassphraseForm({ hasPassphrase }: { hasPassphrase: boolean }) {
  const { t } = useTranslation();
  const setPassphrase = useSetPassphrase();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const mismatch = confirm.length > 0 && confirm !== next;
  const error = setPassphrase.error ? errorMessage(setPassphrase.error, t) : undefined;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        setPassphrase.mutate(
          { next, current: hasPassphrase ? current : undefined },
          {
            onSuccess: () => {
              setCurrent('');
              setNext('');
              setConfirm('');
              notifications.show({ color: 'green', message: t('security.passphraseSet') });
            },
          },
        );
      }}
    >
      <Stack gap="xs">
        <Text size="sm" fw={600} c="orange">
          {t('security.lostKeyWarning')}
        </Text>
        {hasPassphrase && (
          <PasswordInput label={t('security.currentPassphrase')} value={current} onChange={(e) => setCurrent(e.currentTarget.value)} />
        )}
        <PasswordInput
          label={t('security.newPassphrase')}
          value={next}
          onChange={(e) => setNext(e.currentTarget.value)}
          data-testid="new-passphrase"
        />
        <PasswordInput
          label={t('security.confirmPassphrase')}
          value={confirm}
          onChange={(e) => setConfirm(e.currentTarget.value)}
          error={mismatch ? t('security.mismatch') : undefined}
          data-testid="confirm-passphrase"
        />
        {error && <Alert color="red">{error}</Alert>}
        <Group>
          <Button
            type="submit"
            disabled={next.length === 0 || next !== confirm}
            loading={setPassphrase.isPending}
            data-testid="set-passphrase"
          >
            {t(hasPassphrase ? 'security.changePassphrase' : 'security.setPassphrase')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RotateKey() {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const rotate = useRotateKey();
  return (
    <Stack gap={4}>
      <Text fw={600}>{t('security.rotateTitle')}</Text>
      <Text size="sm" c="dimmed">
        {t('security.rotateHelp')}
      </Text>
      <Group>
        <Button
          variant="default"
          loading={rotate.isPending}
          onClick={() => rotate.mutate(workspaceId, { onSuccess: () => notifications.show({ message: t('security.rotated') }) })}
        >
          {t('security.rotate')}
        </Button>
      </Group>
    </Stack>
  );
}
