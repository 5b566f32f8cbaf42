// Shows the unlock screen while the data is locked by a passphrase; the app itself only once it is open.
import { Alert, Button, Center, Loader, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../api/client';
import { useSecurityStatus } from '../api/hooks/useSecurity';
import { errorMessage } from '../i18n/errorMessage';

export function LockGate({ children }: { children: ReactNode }) {
  const status = useSecurityStatus();
  if (status.isPending) return <Loader m="xl" />;
  if (status.data?.locked) return <UnlockScreen />;
  return <>{children}</>;
}

function UnlockScreen() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [passphrase, setPassphrase] = useState('');
  const unlock = useMutation({
    mutationFn: () => callApi('security:unlock', { passphrase }),
    // Everything read while locked was refused: start afresh.
    onSuccess: () => client.invalidateQueries(),
  });
  return (
    <Center h="100vh">
      <Paper withBorder p="xl" w={440} data-testid="unlock-screen">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            unlock.mutate();
          }}
        >
          <Stack>
            <IconLock size={36} aria-hidden />
            <Title order={1} size="h2">
              {t('security.unlockTitle')}
            </Title>
            <Text c="dimmed">{t('security.unlockHelp')}</Text>
            <PasswordInput
              label={t('security.passphrase')}
              value={passphrase}
              onChange={(e) => setPassphrase(e.currentTarget.value)}
              autoFocus
              data-testid="unlock-passphrase"
            />
            {unlock.error && <Alert color="red">{errorMessage(unlock.error, t)}</Alert>}
            <Button type="submit" loading={unlock.isPending} disabled={passphrase.length === 0} data-testid="unlock-submit">
              {t('security.unlock')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
