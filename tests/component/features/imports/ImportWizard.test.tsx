import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ImportPreview, ImportProgress } from '../../../../src/shared/domain/fileImport';
import { ColumnsStep } from '../../../../src/renderer/src/features/imports/ColumnsStep';
import { FileStep } from '../../../../src/renderer/src/features/imports/FileStep';
import { ImportSummary } from '../../../../src/renderer/src/features/imports/ImportSummary';
import { RunStep } from '../../../../src/renderer/src/features/imports/RunStep';
import { backend } from '../../support/fakeBackend';
import { source, watch } from '../../support/fixtures';
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
  zoneLessColumns: ['date'],
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
  timeZone: 'UTC',
  zoneLessRows: 0,
  watchMatches: [],
  unmatched: 0,
  unmatchedRows: [],
  sentiment: { compared: 0, agreed: 0 },
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
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
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

describe('Import, step 2: the time zone of the dates', () => {
  it.each([
    ['en', 'Dates in this file carry no time zone; they are read as Europe/Zurich.', 'Dates in this file carry no time zone; they are read as UTC.'],
    [
      'fr',
      'Les dates de ce fichier n’indiquent pas de fuseau horaire\u202f; elles sont lues à l’heure de Europe/Zurich.',
      'Les dates de ce fichier n’indiquent pas de fuseau horaire\u202f; elles sont lues à l’heure de UTC.',
    ],
  ] as const)('warns in %s that zone-less dates are read in the zone chosen, and sends that zone', async (language, zurich, utc) => {
    backend.reply('imports:run', progress);
    renderInApp(<ColumnsStep preview={preview({ mapping: { text: 'texte', publishedAt: 'date' } })} sourceId={4} onBack={() => {}} onStarted={() => {}} />, {
      language,
    });
    const zone = screen.getByTestId('import-time-zone');
    expect((zone as HTMLInputElement).value).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    type(zone, 'Zurich');
    await choose(zone, 'Europe/Zurich');
    expect(screen.getByTestId('import-zone-notice').textContent).toBe(zurich);
    type(zone, 'UTC');
    await choose(zone, 'UTC');
    expect(screen.getByTestId('import-zone-notice').textContent).toBe(utc);
    click(screen.getByTestId('import-start'));
    await waitFor(() => expect(backend.sent('imports:run')).toEqual([expect.objectContaining({ timeZone: 'UTC' })]));
  });

  it('says dates that carry their zone are read as written, and says nothing before a date column is chosen', async () => {
    renderInApp(<ColumnsStep preview={preview({ zoneLessColumns: [] })} sourceId={4} onBack={() => {}} onStarted={() => {}} />);
    expect(screen.queryByTestId('import-zone-notice')).toBeNull();
    await choose(screen.getByTestId('map-publishedAt'), 'date');
    expect(screen.getByTestId('import-zone-notice').textContent).toBe('Dates in this file carry their time zone; they are read as written.');
  });

  it('offers the agency columns: sentiment, account type, verified, hashtags', async () => {
    const agency = preview({ headers: ['Date', 'Full Text', 'Sentiment', 'Account Type', 'Twitter Verified', 'Hashtags'], mapping: {} });
    renderInApp(<ColumnsStep preview={agency} sourceId={4} onBack={() => {}} onStarted={() => {}} />, { language: 'fr' });
    expect(screen.getAllByLabelText('Tonalité de l’agence (gardée à côté de la nôtre)')).toContain(screen.getByTestId('map-sentiment'));
    await choose(screen.getByTestId('map-sentiment'), 'Sentiment');
    await choose(screen.getByTestId('map-accountType'), 'Account Type');
    await choose(screen.getByTestId('map-verified'), 'Twitter Verified');
    await choose(screen.getByTestId('map-hashtags'), 'Hashtags');
    await choose(screen.getByTestId('map-publishedAt'), 'Date');
    await choose(screen.getByTestId('map-text'), 'Full Text');
    backend.reply('imports:run', progress);
    click(screen.getByTestId('import-start'));
    await waitFor(() =>
      expect(backend.sent('imports:run')[0]!.mapping).toEqual({
        sentiment: 'Sentiment',
        accountType: 'Account Type',
        verified: 'Twitter Verified',
        hashtags: 'Hashtags',
        publishedAt: 'Date',
        text: 'Full Text',
      }),
    );
  });
});

const done = (overrides: Partial<ImportProgress> = {}): ImportProgress => ({
  ...progress,
  state: 'done',
  total: 14466,
  processed: 14466,
  inserted: 14466,
  timeZone: 'Europe/Zurich',
  zoneLessRows: 14466,
  watchMatches: [
    { watchId: 7, rows: 13786 },
    { watchId: 8, rows: 1881 },
  ],
  unmatched: 680,
  unmatchedRows: [
    { line: 18, excerpt: 'La BNS laisse son taux directeur inchangé.' },
    { line: 40, excerpt: 'Swiss mortgage rates keep climbing this spring.' },
  ],
  period: { from: '2026-03-23T00:31:58.000Z', to: '2026-03-29T21:47:08.000Z' },
  sentiment: { compared: 14466, agreed: 12152 },
  ...overrides,
});

describe('Import, step 3: what the import found', () => {
  it.each([
    [
      'en',
      {
        zone: '14,466 dates without a time zone were read as Europe/Zurich.',
        agreement: 'The agency’s sentiment agrees with ours on 84% of 14,466 rows.',
        noWatch: 'No watch',
        show: 'Show the 680 rows no watch took',
        open: 'Open this period',
        backtest: 'Backtest this period',
      },
    ],
    [
      'fr',
      {
        zone: '14\u202f466 dates sans fuseau horaire ont été lues à l’heure de Europe/Zurich.',
        agreement: 'La tonalité de l’agence rejoint la nôtre sur 84\u00a0% des 14\u202f466 lignes.',
        noWatch: 'Aucune veille',
        show: 'Voir les 680 lignes qu’aucune veille n’a retenues',
        open: 'Ouvrir cette période',
        backtest: 'Rejouer la détection sur cette période',
      },
    ],
  ] as const)('counts rows per watch in %s, lists those no watch took, and compares sentiments', async (language, text) => {
    backend.reply('watches:list', [watch({ id: 7, name: 'Banque Helvetia' }), watch({ id: 8, name: 'Fuite de données' })]);
    backend.reply('imports:unmatched', { rows: done().unmatchedRows, nextAfterLine: null });
    renderInApp(<ImportSummary progress={done()} />, { language });
    const table = screen.getByTestId('import-watch-matches');
    await waitFor(() => expect(table.textContent).toContain('Banque Helvetia'));
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    const n = (v: number) => v.toLocaleString(language);
    expect(rows).toEqual([
      ['Banque Helvetia', n(13786)],
      ['Fuite de données', n(1881)],
      [text.noWatch, n(680)],
    ]);
    expect(screen.getByTestId('import-zone-read').textContent).toBe(text.zone);
    expect(screen.getByTestId('import-sentiment-agreement').textContent).toBe(text.agreement);
    expect(screen.queryByTestId('import-unmatched-rows')).toBeNull();
    const show = screen.getByTestId('import-show-unmatched');
    expect(show.textContent).toBe(text.show);
    click(show);
    expect(screen.getByTestId('import-unmatched-rows').textContent).toContain('Swiss mortgage rates keep climbing this spring.');
    expect(screen.getByTestId('import-open-period').textContent).toBe(text.open);
    expect(screen.getByTestId('import-backtest-period').textContent).toBe(text.backtest);
  });

  it('pages through all the rows no watch took, after the last line shown', async () => {
    backend.reply('watches:list', []);
    const rows = Array.from({ length: 680 }, (_, i) => ({ line: 10 + i * 3, excerpt: `Hors sujet ${i}` }));
    backend.on('imports:unmatched', ({ afterLine, limit }) => {
      const after = rows.filter((r) => r.line > afterLine);
      return { rows: after.slice(0, limit), nextAfterLine: after.length > limit ? after[limit - 1]!.line : null };
    });
    renderInApp(<ImportSummary progress={done()} />);
    click(screen.getByTestId('import-show-unmatched'));
    const listed = () => screen.getByTestId('import-unmatched-rows').querySelectorAll('tbody tr').length;
    await waitFor(() => expect(listed()).toBe(200));
    for (const [shown, more] of [[400, 'Show 200 more of the 680'], [600, 'Show 200 more of the 680'], [680, 'Show 80 more of the 680']] as const) {
      const button = await screen.findByTestId('import-more-unmatched');
      await waitFor(() => expect(button.textContent).toBe(more));
      click(button);
      await waitFor(() => expect(listed()).toBe(shown));
    }
    expect(screen.queryByTestId('import-more-unmatched')).toBeNull();
    expect(screen.getByTestId('import-unmatched-rows').textContent).toContain('Hors sujet 679');
    expect(backend.sent('imports:unmatched').map((input) => input.afterLine)).toEqual([0, rows[199]!.line, rows[399]!.line, rows[599]!.line]);
  });

  it.each([
    ['fr', 'author.displayName\u202f: 512 caractères au plus.'],
    ['en', 'author.displayName: At most 512 characters.'],
  ] as const)('words in %s a row the mention rules refused, with its field', async (language, detail) => {
    backend.reply('watches:list', []);
    const problem = {
      line: 9,
      code: 'invalid' as const,
      detail: 'author.displayName: At most 512 characters.',
      field: 'author.displayName',
      wording: { key: 'platform.validation.tooBig.string', values: { maximum: 512 } },
    };
    backend.reply('imports:status', done({ bad: 1, problems: [problem] }));
    renderInApp(<RunStep runId={RUN} onAgain={() => undefined} />, { language });
    await waitFor(() => expect(document.body.textContent).toContain(`(${detail})`));
  });

  it('opens the period, or its backtest, on the watches the file fed', () => {
    backend.reply('watches:list', []);
    renderInApp(<ImportSummary progress={done()} />);
    click(screen.getByTestId('import-open-period'));
    expect(window.location.hash).toBe('#/dashboard?from=2026-03-23T00%3A31%3A58.000Z&to=2026-03-29T21%3A48%3A08.000Z&watch=7&watch=8');
    click(screen.getByTestId('import-backtest-period'));
    expect(window.location.hash).toBe('#/alerts?from=2026-03-23T00%3A31%3A58.000Z&to=2026-03-29T21%3A48%3A08.000Z&watch=7&watch=8&backtest=1');
  });

  it('offers no next step when nothing readable came in', () => {
    backend.reply('watches:list', []);
    renderInApp(<ImportSummary progress={done({ period: undefined, watchMatches: [], unmatched: 0, unmatchedRows: [], sentiment: { compared: 0, agreed: 0 }, zoneLessRows: 0 })} />);
    expect(screen.queryByTestId('import-next')).toBeNull();
    expect(screen.queryByTestId('import-sentiment-agreement')).toBeNull();
    expect(screen.queryByTestId('import-show-unmatched')).toBeNull();
  });
});
