// Inviting a laptop: a one-time join code, as text to copy and as a QR code drawn on this computer.
import { Alert, Button, Code, CopyButton, Group, Image, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useInviteLaptop } from '../../api/hooks/useCell';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { errorMessage } from '../../i18n/errorMessage';
import { formatContactTime } from './contactTime';
import { joinCodeQr } from './joinCodeQr';

export function InvitePanel({ authority, syncOn }: { authority: boolean; syncOn: boolean }) {
  const { t, i18n } = useTranslation();
  const invite = useInviteLaptop(useWorkspaceId());
  const [drawn, setDrawn] = useState<{ code: string; url: string } | null>(null);
  const code = invite.data?.joinCode;
  useEffect(() => {
    if (!code) return;
    let current = true;
    void joinCodeQr(code).then((url) => current && setDrawn({ code, url }));
    return () => {
      current = false;
    };
  }, [code]);
  const qr = drawn && drawn.code === code ? drawn.url : null;
  return (
    <Paper withBorder p="lg" data-testid="cell-invite">
      <Stack>
        <Title order={3} size="h4">
          {t('cell.invite.title')}
        </Title>
        {!authority ? (
          <Text size="sm">{t('cell.invite.authorityOnly')}</Text>
        ) : !syncOn ? (
          <Text size="sm">{t('cell.invite.syncFirst')}</Text>
        ) : (
          <>
            <Text size="sm">{t('cell.invite.help')}</Text>
            <Group>
              <Button loading={invite.isPending} onClick={() => invite.mutate({ validMinutes: 60 })} data-testid="cell-invite-submit">
                {t('cell.invite.submit')}
              </Button>
            </Group>
            {invite.error && <Alert color="red">{errorMessage(invite.error, t)}</Alert>}
            {invite.data && (
              <Stack gap="xs">
                <Text size="sm" fw={600}>
                  {t('cell.invite.code', { time: formatContactTime(invite.data.expiresAt, i18n.language) })}
                </Text>
                <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} data-testid="cell-join-code-text">
                  {invite.data.joinCode}
                </Code>
                <Group align="flex-start">
                  <CopyButton value={invite.data.joinCode}>
                    {({ copied, copy }) => (
                      <Button variant="light" onClick={copy} data-testid="cell-join-code-copy">
                        {copied ? t('cell.invite.copied') : t('cell.invite.copy')}
                      </Button>
                    )}
                  </CopyButton>
                  {qr && <Image src={qr} alt={t('cell.invite.qr')} w={220} h={220} data-testid="cell-join-code-qr" />}
                </Group>
              </Stack>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
