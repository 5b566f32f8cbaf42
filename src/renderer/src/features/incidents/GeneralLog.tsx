// The workspace's general log: what the cell records before an incident is opened, and what the
// application records about no incident in particular (alerts raised, level changes, sealed mode…).
import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LogTab } from './LogTab';
import { useOperator } from './useOperator';

export function GeneralLog({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  const [, , actor] = useOperator(t('incidents.operator.unnamed'));
  const newEntryRef = useRef<HTMLTextAreaElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  useHotkeys([
    ['alt+n', () => newEntryRef.current?.focus()],
    ['alt+f', () => searchRef.current?.focus()],
  ]);
  return (
    <Stack data-testid="screen-general-log">
      <Anchor component="button" type="button" onClick={onBack} size="sm" style={{ alignSelf: 'flex-start' }}>
        ← {t('incidents.backToList')}
      </Anchor>
      <Title order={2}>{t('incidents.generalLog.title')}</Title>
      <Text>{t('incidents.generalLog.help')}</Text>
      <LogTab incidentId={null} actor={actor} newEntryRef={newEntryRef} searchRef={searchRef} />
    </Stack>
  );
}
