// Step 2: what was detected (format, encoding, separator, header line, export type), the first rows, and
// which column feeds which field; the person can correct each detection.
import { Alert, Badge, Button, Group, NumberInput, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_FIELDS, type ColumnMapping, type Delimiter, type ImportField, type ImportPreview } from '../../../../shared/domain/fileImport';
import { usePreviewImport, useRunImport } from '../../api/hooks/useImports';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { errorMessage } from '../../i18n/errorMessage';
import { PreviewTable } from './PreviewTable';
import { laptopTimeZone, TimeZoneChoice } from './TimeZoneChoice';

const SEPARATORS: readonly { value: Delimiter; key: string }[] = [
  { value: ',', key: 'comma' },
  { value: ';', key: 'semicolon' },
  { value: '\t', key: 'tab' },
  { value: '|', key: 'pipe' },
];

interface Props {
  readonly preview: ImportPreview;
  readonly sourceId: number;
  readonly onBack: () => void;
  readonly onStarted: (runId: string) => void;
}

export function ColumnsStep({ preview: initial, sourceId, onBack, onStarted }: Props) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState(initial);
  const [mapping, setMapping] = useState<ColumnMapping>(initial.mapping);
  const [timeZone, setTimeZone] = useState(laptopTimeZone);
  const reread = usePreviewImport();
  const run = useRunImport(useWorkspaceId());
  const separatorLabel = SEPARATORS.find((s) => s.value === preview.delimiter)?.key;
  const ready = Boolean(mapping.publishedAt && (mapping.text || mapping.title));

  const redo = (choices: { delimiter?: Delimiter; headerLine?: number }): void => {
    reread.mutate(
      { uploadId: preview.uploadId, delimiter: choices.delimiter ?? preview.delimiter, headerLine: choices.headerLine },
      {
        onSuccess: (next) => {
          setPreview(next);
          setMapping(next.mapping);
        },
      },
    );
  };

  const setField = (field: ImportField, header: string | null): void =>
    setMapping((current) => {
      const next = { ...current };
      if (header) next[field] = header;
      else delete next[field];
      return next;
    });

  const error = reread.error ?? run.error;
  return (
    <Stack>
      <Group gap="xs" data-testid="import-detected">
        <Text fw={600}>{t('imports.detected')}</Text>
        <Badge variant="light">{t('imports.detectedItem', { label: t('imports.format'), value: preview.format.toUpperCase() })}</Badge>
        {preview.encoding && <Badge variant="light">{t('imports.detectedItem', { label: t('imports.encoding'), value: preview.encoding })}</Badge>}
        {separatorLabel && <Badge variant="light">{t('imports.detectedItem', { label: t('imports.separator'), value: t(`imports.separators.${separatorLabel}`) })}</Badge>}
        <Badge variant="light">{`${t('imports.headerLine')} ${preview.headerLine}`}</Badge>
        <Badge color="grape" data-testid="import-preset">{t('imports.detectedItem', { label: t('imports.preset'), value: t(`imports.presets.${preview.preset}`) })}</Badge>
        <Badge variant="outline">{t('imports.rowCount', { count: preview.rowCount })}</Badge>
      </Group>
      {preview.format !== 'json' && preview.format !== 'ndjson' && (
        <Group align="flex-end">
          {preview.format === 'csv' && (
            <Select
              label={t('imports.separator')}
              data={SEPARATORS.map((s) => ({ value: s.value, label: t(`imports.separators.${s.key}`) }))}
              value={preview.delimiter ?? null}
              onChange={(value) => value && redo({ delimiter: value as Delimiter })}
              allowDeselect={false}
              w={200}
            />
          )}
          <NumberInput
            label={t('imports.headerLine')}
            min={1}
            value={preview.headerLine}
            onBlur={(e) => {
              const line = Number(e.currentTarget.value);
              if (Number.isInteger(line) && line >= 1 && line !== preview.headerLine) redo({ headerLine: line });
            }}
            w={160}
          />
        </Group>
      )}
      <Title order={4}>{t('imports.previewTitle')}</Title>
      <PreviewTable preview={preview} mapping={mapping} />
      <Title order={4}>{t('imports.mappingTitle')}</Title>
      <Text size="sm" c="dimmed">
        {t('imports.mappingHelp')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} data-testid="import-mapping">
        {IMPORT_FIELDS.map((field) => (
          <Select
            key={field}
            label={t(`imports.fields.${field}`)}
            placeholder={t('imports.noColumn')}
            data={preview.headers}
            value={mapping[field] ?? null}
            onChange={(header) => setField(field, header)}
            clearable
            searchable
            required={field === 'publishedAt'}
            data-testid={`map-${field}`}
          />
        ))}
      </SimpleGrid>
      <TimeZoneChoice
        value={timeZone}
        onChange={setTimeZone}
        zoneLess={mapping.publishedAt ? preview.zoneLessColumns.includes(mapping.publishedAt) : undefined}
      />
      {error && <Alert color="red">{errorMessage(error, t)}</Alert>}
      <Group>
        <Button variant="default" onClick={onBack}>
          {t('imports.back')}
        </Button>
        <Button
          disabled={!ready}
          loading={run.isPending}
          data-testid="import-start"
          onClick={() =>
            run.mutate(
              { uploadId: preview.uploadId, sourceId, mapping, timeZone, delimiter: preview.delimiter, headerLine: preview.headerLine },
              { onSuccess: (started) => onStarted(started.runId) },
            )
          }
        >
          {t('imports.start', { count: preview.rowCount })}
        </Button>
      </Group>
    </Stack>
  );
}
