// What an area is for, shown while it holds nothing yet.
import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AreaId } from '../../app/areas';

export function AreaIntro({ area }: { area: Exclude<AreaId, 'settings'> }) {
  const { t } = useTranslation();
  return (
    <Stack data-testid={`screen-${area}`}>
      <Title order={2}>{t(`nav.${area}`)}</Title>
      <Paper withBorder p="lg">
        <Text fw={600}>{t('areas.emptyTitle')}</Text>
        <Text c="dimmed">{t(`areas.${area}`)}</Text>
      </Paper>
    </Stack>
  );
}
