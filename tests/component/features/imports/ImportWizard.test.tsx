import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ImportPreview } from '../../../../src/shared/domain/fileImport';
import { ColumnsStep } from '../../../../src/renderer/src/features/imports/ColumnsStep';
import { FileStep } from '../../../../src/renderer/src/features/imports/FileStep';
import { backend } from '../../support/fakeBackend';
import { source } from '../../support/fixtures';
import { choose, click, isDisabled, type } from '../../support/interact';
import { renderInApp, t } from '../../support/render';

const UPLOAD = '6c1f2f7e-3b1a-4c5d-8e9f-0a1b2c3d4e5f';
const RUN = '7d2e3f4a-5b6c-4d7e-8f90-a1b2c3d4e5f6';
const CSV = 'date;texte;auteur\n2025-03-14 09:00;Rappel Acme;@jdupont\n';

const preview = (overrides: Partial<ImportPreview> = {}): ImportPreview => ({
  uploadId: UPLOAD,
  fileName: 'export.csv',
  sizeBytes: CSV.length,
  format: 'csv',
  encoding: 'utf-8',
  delimiter: ';',
  headerLine: 1,
  headers: ['date', 'texte', 'auteur'],
  preset: 'generic',
  mapping: { text: 'texte' },
  sample: [{ line: 2, cells: ['2025-03-14 09:00', 'Rappel Acme', '@jdupont'] }],
  rowCount: 1,
  ...overrides,
});

const progress = {
  runId: RUN,
  workspaceId: 'live',
  fileName: 'export.csv',
  state: 'running' as const,
  total: 1,
  processed: 0,
  inserted: 0,
  duplicates: 0,
  bad: 0,
  problems: [],
};

const pickFile = (file: File) => {
  const input = document.querySelector('input[type="file"]') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [file] } });
};

describe('Import, step 1: the file', () => {
  it('sends the file in chunks, reads it, and stores its mentions under the file source chosen', async () => {
    backend.reply('sources:list', [source({ id: 1, kind: 'rss', name: 'Le Monde' }), source({ id: 4, kind: 'file', name: 'Exports Talkwalker' })]);
    backend.reply('imports:begin', { uploadId: UPLOAD });
    backend.reply('imports:chunk', { received: CSV.length });
    backend.reply('imports:preview', preview());
    const onRead = vi.fn();
    renderInApp(<FileStep onRead={onRead} />);
    const read = screen.getByTestId('import-read');
    expect(isDisabled(read)).toBe(true);
    expect((await screen.findByDisplayValue('Exports Talkwalker')).getAttribute('data-testid')).toBe('import-target');
    pickFile(new File([CSV], 'export.csv', { type: 'text/csv' }));
    click(read);
    await waitFor(() => expect(onRead).toHaveBeenCalledWith(preview(), 4));
    expect(backend.sent('imports:begin')).toEqual([{ fileName: 'export.csv', sizeBytes: CSV.length }]);
    expect(backend.sent('imports:chunk')).toEqual([{ uploadId: UPLOAD, offset: 0, dataBase64: btoa(CSV) }]);
    expect(backend.sent('imports:preview')).toEqual([{ uploadId: UPLOAD }]);
    expect(backend.callCount('sources:create')).toBe(0);
  });

  it('creates a new file source under the name given, and needs one', async () => {
    backend.reply('sources:list', []);
    backend.reply('imports:begin', { uploadId: UPLOAD });
    backend.reply('imports:chunk', { received: CSV.length });
    backend.reply('imports:preview', preview());
    backend.on('sources:create', ({ source: input }) => source({ id: 9, kind: 'file', name: input.name, config: {} }));
    const onRead = vi.fn();
    renderInApp(<FileStep onRead={onRead} />);
    pickFile(new File([CSV], 'export.csv', { type: 'text/csv' }));
    const name = await screen.findByRole('textbox', { name: t('imports.newSourceName') });
    type(name, '  ');
    expect(isDisabled(screen.getByTestId('import-read'))).toBe(true);
    type(name, ' Brandwatch mars ');
    click(screen.getByTestId('import-read'));
    await waitFor(() => expect(onRead).toHaveBeenCalledWith(preview(), 9));
    expect(backend.sent('sources:create')).toEqual([{ workspaceId: 'live', source: { kind: 'file', name: 'Brandwatch mars', config: {} } }]);
  });

  it.each([
    ['fr', 'Trop volumineux. The file is over the 200 MB limit.'],
    ['en', 'Too large. The file is over the 200 MB limit.'],
  ] as const)('says in %s why a file was refused, and reads nothing', async (language, text) => {
    backend.reply('sources:list', []);
    backend.refuse('imports:begin', 'PAYLOAD_TOO_LARGE', 'The file is over the 200 MB limit.');
    const onRead = vi.fn();
    renderInApp(<FileStep onRead={onRead} />, { language });
    pickFile(new File([CSV], 'huge.csv', { type: 'text/csv' }));
    click(screen.getByTestId('import-read'));
    expect((await screen.findByTestId('import-error')).textContent).toBe(text);
    expect(backend.callCount('imports:preview')).toBe(0);
    expect(onRead).not.toHaveBeenCalled();
  });
});

describe('Import, step 2: the columns', () => {
  it('needs a date column and a text or title column before it starts', async () => {
    backend.reply('imports:run', progress);
    const onStarted = vi.fn();
    renderInApp(<ColumnsStep preview={preview()} sourceId={4} onBack={() => {}} onStarted={onStarted} />);
    const start = screen.getByTestId('import-start');
    expect(isDisabled(start)).toBe(true);
    await choose(screen.getByTestId('map-publishedAt'), 'date');
    await choose(screen.getByTestId('map-authorHandle'), 'auteur');
    expect(isDisabled(start)).toBe(false);
    click(start);
    await waitFor(() => expect(onStarted).toHaveBeenCalledWith(RUN));
    expect(backend.sent('imports:run')).toEqual([
      {
        workspaceId: 'live',
        uploadId: UPLOAD,
        sourceId: 4,
        mapping: { text: 'texte', publishedAt: 'date', authorHandle: 'auteur' },
        delimiter: ';',
        headerLine: 1,
      },
    ]);
  });

  it('reads the file again with the separator chosen and takes the new detection', async () => {
    backend.reply('imports:preview', preview({ delimiter: ',', headers: ['a;b;c'], mapping: {}, sample: [] }));
    renderInApp(<ColumnsStep preview={preview()} sourceId={4} onBack={() => {}} onStarted={() => {}} />);
    await choose(screen.getByRole('combobox', { name: t('imports.separator') }), t('imports.separators.comma'));
    await waitFor(() => expect(backend.sent('imports:preview')).toEqual([{ uploadId: UPLOAD, delimiter: ',' }]));
    await waitFor(() => expect((screen.getByTestId('map-text') as HTMLInputElement).value).toBe(''));
  });

  it.each([
    ['fr', 'Conflit avec une modification faite entre-temps. This upload was already imported.'],
    ['en', 'This conflicts with a change made meanwhile. This upload was already imported.'],
  ] as const)('shows in %s why the import could not start', async (language, text) => {
    backend.refuse('imports:run', 'CONFLICT', 'This upload was already imported.');
    const onStarted = vi.fn();
    renderInApp(<ColumnsStep preview={preview({ mapping: { text: 'texte', publishedAt: 'date' } })} sourceId={4} onBack={() => {}} onStarted={onStarted} />, {
      language,
    });
    click(screen.getByTestId('import-start'));
    expect((await screen.findByRole('alert')).textContent).toBe(text);
    expect(onStarted).not.toHaveBeenCalled();
  });
});
