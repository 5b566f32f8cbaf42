// The watches with their keywords, exclusions, languages and sources.
import { ActionIcon, Badge, Group, Table, Text, Tooltip, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Source } from '../../../../shared/domain/source';
import type { Watch } from '../../../../shared/domain/watch';
import { DeleteWatchDialog } from './DeleteWatchDialog';

const Terms = ({ terms, color }: { terms: string[]; color: string }) => (
  <Group gap={4}>
    {terms.map((term) => (
      <Badge key={term} color={color} variant="light" tt="none">
        {term}
      </Badge>
    ))}
  </Group>
);

export function WatchesTable({ watches, sources, onEdit }: { watches: Watch[]; sources: Source[]; onEdit: (watch: Watch) => void }) {
  const { t } = useTranslation();
  const sourceName = (id: number) => sources.find((s) => s.id === id)?.name ?? `#${id}`;
  const [deleting, setDeleting] = useState<Watch | null>(null);
  return (
    <>
      <Table striped highlightOnHover verticalSpacing="sm" data-testid="watches-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('watches.columns.name')}</Table.Th>
            <Table.Th>{t('watches.columns.keywords')}</Table.Th>
            <Table.Th>{t('watches.columns.exclusions')}</Table.Th>
            <Table.Th>{t('watches.columns.languages')}</Table.Th>
            <Table.Th>{t('watches.columns.sources')}</Table.Th>
            <Table.Th>{t('watches.columns.enabled')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('watches.delete')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {watches.map((w) => (
            <Table.Tr key={w.id}>
              <Table.Td>
                <UnstyledButton onClick={() => onEdit(w)} data-testid={`watch-edit-${w.id}`}>
                  <Text fw={600} td="underline">
                    {w.name}
                  </Text>
                </UnstyledButton>
              </Table.Td>
              <Table.Td>
                <Terms terms={w.keywords} color="blue" />
              </Table.Td>
              <Table.Td>
                <Terms terms={w.exclusions} color="gray" />
              </Table.Td>
              <Table.Td>{w.languages.length ? w.languages.map((l) => t(`mentions.languages.${l === 'fr' || l === 'en' ? l : 'und'}`)).join(', ') : t('watches.allLanguages')}</Table.Td>
              <Table.Td>{w.sourceIds.length ? w.sourceIds.map(sourceName).join(', ') : t('watches.allSources')}</Table.Td>
              <Table.Td>{w.enabled ? '✓' : '—'}</Table.Td>
              <Table.Td>
                <Tooltip label={t('watches.delete')}>
                  <ActionIcon variant="subtle" color="red" aria-label={`${t('watches.delete')} — ${w.name}`} onClick={() => setDeleting(w)} data-testid={`watch-delete-${w.id}`}>
                    <IconTrash size={18} />
                  </ActionIcon>
                </Tooltip>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {deleting && <DeleteWatchDialog watch={deleting} onClose={() => setDeleting(null)} />}
    </>
  );
}
