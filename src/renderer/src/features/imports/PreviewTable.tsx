// The first rows of the file as read, each column labelled with the field it feeds.
import { Badge, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ColumnMapping, ImportField, ImportPreview } from '../../../../shared/domain/fileImport';

export function PreviewTable({ preview, mapping }: { preview: ImportPreview; mapping: ColumnMapping }) {
  const { t } = useTranslation();
  const fieldOf = new Map<string, ImportField>();
  for (const [field, header] of Object.entries(mapping) as [ImportField, string | undefined][]) if (header) fieldOf.set(header, field);
  return (
    // A region wider than the screen is scrolled from the keyboard too: its viewport takes the focus.
    <ScrollArea type="auto" offsetScrollbars data-testid="import-preview" viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': t('imports.previewTitle') }}>
      <Table striped withTableBorder withColumnBorders fz="xs" style={{ whiteSpace: 'nowrap' }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('imports.line')}</Table.Th>
            {preview.headers.map((header) => {
              const field = fieldOf.get(header);
              return (
                <Table.Th key={header}>
                  <Stack gap={2}>
                    <Text size="xs" fw={700}>
                      {header}
                    </Text>
                    {field && (
                      <Badge size="xs" variant="light">
                        {t(`imports.fields.${field}`)}
                      </Badge>
                    )}
                  </Stack>
                </Table.Th>
              );
            })}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.sample.map((row) => (
            <Table.Tr key={row.line}>
              <Table.Td c="dimmed">{row.line}</Table.Td>
              {row.cells.map((cell, i) => (
                <Table.Td key={i} maw={320} style={{ overflow: 'hidden', textOverflow: 'ellipsis' }} title={cell}>
                  {cell}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
