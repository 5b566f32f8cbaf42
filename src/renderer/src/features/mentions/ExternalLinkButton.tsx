// Opens an outside link only after the person has seen the full address and confirmed.
import { Alert, Button, Code, Group, Modal, Stack, Text } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { openExternal } from '../../api/hooks/useSystem';

export function ExternalLinkButton({ url }: { url: string }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [failed, setFailed] = useState(false);
  const open = async () => {
    setConfirming(false);
    setFailed(!(await openExternal(url).catch(() => false)));
  };
  return (
    <>
      <Button variant="light" leftSection={<IconExternalLink size={16} />} onClick={() => setConfirming(true)} data-testid="mention-open-link">
        {t('mentions.detail.link')}
      </Button>
      {failed && <Alert color="red">{t('mentions.detail.openFailed')}</Alert>}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('mentions.detail.confirmTitle')}>
        <Stack>
          <Text size="sm">{t('mentions.detail.confirmBody')}</Text>
          <Code block data-testid="mention-link-url">
            {url}
          </Code>
          <Group justify="flex-end">
            <Button variant="subtle" onClick={() => setConfirming(false)}>
              {t('mentions.detail.confirmCancel')}
            </Button>
            <Button onClick={() => void open()} data-testid="mention-link-confirm">
              {t('mentions.detail.confirmOpen')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
