// The newest mentions a source brought, so a check of its health shows what it actually delivers.
import { List, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLastItems } from '../../api/hooks/useListen';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { formatDateTime } from '../../i18n/format';
import { errorMessage } from '../../i18n/errorMessage';

export function SourceLastItems({ sourceId }: { sourceId: number }) {
  const { t, i18n } = useTranslation();
  const items = useLastItems(useWorkspaceId(), sourceId);
  if (items.isPending) return <Loader size="sm" />;
  if (items.isError) return <Text c="red">{errorMessage(items.error, t)}</Text>;
  if (items.data.items.length === 0) return <Text c="dimmed">{t('sources.noItems')}</Text>;
  return (
    <List size="sm" spacing={4} data-testid={`source-last-items-${sourceId}`}>
      {items.data.items.map((m) => (
        <List.Item key={m.id}>
          <Text span c="dimmed" size="xs">
            {formatDateTime(m.publishedAt, i18n.language)} ·{' '}
          </Text>
          <Text span>{m.title ?? m.text.slice(0, 160)}</Text>
        </List.Item>
      ))}
    </List>
  );
}
