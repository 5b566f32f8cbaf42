// Step 1: pick the export file and the source its mentions are stored under, then send and read it.
import { Alert, Button, FileInput, Group, Progress, Select, Stack, TextInput } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_IMPORT_FILE_BYTES, type ImportPreview } from '../../../../shared/domain/fileImport';
import { useCreateFileSource, useFileSources, usePreviewImport, useUploadFile } from '../../api/hooks/useImports';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { errorMessage } from '../../i18n/errorMessage';

const NEW = 'new';

export function FileStep({ onRead }: { onRead: (preview: ImportPreview, sourceId: number) => void }) {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const sources = useFileSources(workspaceId);
  const upload = useUploadFile();
  const preview = usePreviewImport();
  const createSource = useCreateFileSource(workspaceId);
  const [file, setFile] = useState<File | null>(null);
  const [target, setTarget] = useState<string | null>(null);
  const [newName, setNewName] = useState(t('imports.newSourceDefault'));
  const chosen = target ?? (sources.data?.[0] ? String(sources.data[0].id) : NEW);
  const busy = upload.isPending || preview.isPending || createSource.isPending;
  const error = upload.error ?? preview.error ?? createSource.error;

  const read = async (): Promise<void> => {
    if (!file) return;
    const uploadId = await upload.mutateAsync(file);
    const result = await preview.mutateAsync({ uploadId });
    const sourceId = chosen === NEW ? (await createSource.mutateAsync(newName.trim())).id : Number(chosen);
    onRead(result, sourceId);
  };

  const options = [
    ...(sources.data ?? []).map((source) => ({ value: String(source.id), label: source.name })),
    { value: NEW, label: t('imports.targetNew') },
  ];

  return (
    <Stack maw={560}>
      <FileInput
        label={t('imports.file')}
        placeholder={t('imports.filePlaceholder')}
        description={t('imports.fileHelp', { mb: MAX_IMPORT_FILE_BYTES / 1_048_576 })}
        accept=".csv,.tsv,.txt,.xlsx,.json,.ndjson,.jsonl"
        value={file}
        onChange={setFile}
        leftSection={<IconFileImport size={18} />}
        clearable
        data-testid="import-file"
      />
      <Select label={t('imports.target')} data={options} value={chosen} onChange={setTarget} allowDeselect={false} data-testid="import-target" />
      {chosen === NEW && (
        <TextInput label={t('imports.newSourceName')} value={newName} onChange={(e) => setNewName(e.currentTarget.value)} maxLength={120} />
      )}
      {upload.isPending && (
        <Stack gap={4}>
          <Progress value={upload.sent * 100} aria-label={t('imports.uploading', { percent: Math.round(upload.sent * 100) })} />
        </Stack>
      )}
      {error && (
        <Alert color="red" data-testid="import-error">
          {errorMessage(error, t)}
        </Alert>
      )}
      <Group>
        <Button onClick={() => void read().catch(() => undefined)} disabled={!file || (chosen === NEW && !newName.trim())} loading={busy} data-testid="import-read">
          {t('imports.read')}
        </Button>
      </Group>
    </Stack>
  );
}
