import { screen, waitFor } from '@testing-library/react';
import { createRef } from 'react';
import { describe, expect, it } from 'vitest';
import { LogTab } from '../../../../src/renderer/src/features/incidents/LogTab';
import { backend } from '../../support/fakeBackend';
import { INCIDENT_ID, logEntry } from '../../support/fixtures';
import { choose, click, isDisabled, type } from '../../support/interact';
import { renderInApp, t } from '../../support/render';

const actor = { author: 'Marie Durand', authorRole: 'crisisLead' };

function renderLog(incidentId: string | null = INCIDENT_ID, language: 'fr' | 'en' = 'en') {
  return renderInApp(
    <LogTab incidentId={incidentId} actor={actor} newEntryRef={createRef<HTMLTextAreaElement>()} searchRef={createRef<HTMLInputElement>()} />,
    { language },
  );
}

describe('Crisis log entry form', () => {
  it('needs something written before it adds an entry', async () => {
    backend.reply('crisisLog:list', []);
    renderLog();
    const add = screen.getByTestId('log-submit');
    expect(isDisabled(add)).toBe(true);
    type(screen.getByTestId('log-body'), '  \n ');
    expect(isDisabled(add)).toBe(true);
    expect(await screen.findByText(t('incidents.log.empty'))).toBeTruthy();
  });

  it('appends a decision, verified and pinned, with its source, signed by the operator', async () => {
    backend.reply('crisisLog:list', []);
    backend.on('crisisLog:append', ({ entry }) => logEntry({ kind: entry.kind, body: entry.body }));
    renderLog();
    await choose(screen.getByTestId('log-kind'), t('incidents.log.kind.decision'));
    type(screen.getByTestId('log-source'), 'Cellule juridique');
    type(screen.getByTestId('log-body'), 'Rappel volontaire des lots 42 à 48.');
    click(screen.getByRole('checkbox', { name: t('incidents.log.alreadyVerified') }));
    click(screen.getByRole('checkbox', { name: t('incidents.log.pin') }));
    click(screen.getByTestId('log-submit'));
    await waitFor(() => expect((screen.getByTestId('log-body') as HTMLTextAreaElement).value).toBe(''));
    expect(backend.sent('crisisLog:append')).toEqual([
      {
        workspaceId: 'live',
        entry: {
          incidentId: INCIDENT_ID,
          kind: 'decision',
          body: 'Rappel volontaire des lots 42 à 48.',
          source: 'Cellule juridique',
          verification: 'verified',
          pinned: true,
          author: 'Marie Durand',
          authorRole: 'crisisLead',
          correctsId: null,
        },
      },
    ]);
  });

  it('writes a correction of an entry with the corrected entry’s kind and id', async () => {
    const original = logEntry({ seq: 4, kind: 'action', body: 'Appel au Parisien à 10 h.' });
    backend.reply('crisisLog:list', [original]);
    backend.on('crisisLog:append', ({ entry }) => logEntry({ seq: 5, kind: entry.kind, body: entry.body, correctsId: original.id }));
    renderLog();
    click(await screen.findByTestId('entry-4-correct'));
    expect(screen.getByText(t('incidents.log.correcting', { seq: 4 }))).toBeTruthy();
    type(screen.getByTestId('log-body'), 'Appel au Parisien à 11 h.');
    click(screen.getByRole('button', { name: t('incidents.log.addCorrection') }));
    await waitFor(() => expect(backend.callCount('crisisLog:append')).toBe(1));
    expect(backend.sent('crisisLog:append')[0]?.entry).toMatchObject({ kind: 'action', correctsId: original.id, body: 'Appel au Parisien à 11 h.' });
  });

  it.each([
    ['fr', 'Les données sont verrouillées\u202f: saisissez la phrase secrète. The workspace is locked.'],
    ['en', 'The data is locked: enter the passphrase. The workspace is locked.'],
  ] as const)('keeps the text and says why in %s when the entry is refused', async (language, text) => {
    backend.reply('crisisLog:list', []);
    backend.refuse('crisisLog:append', 'LOCKED', 'The workspace is locked.');
    renderLog(null, language);
    type(screen.getByTestId('log-body'), 'Point presse à 14 h.');
    click(screen.getByTestId('log-submit'));
    expect((await screen.findByRole('alert')).textContent).toBe(text);
    expect((screen.getByTestId('log-body') as HTMLTextAreaElement).value).toBe('Point presse à 14 h.');
    expect(backend.sent('crisisLog:append')[0]?.entry.incidentId).toBeNull();
  });
});

describe('Crisis log pages', () => {
  it('shows a page of 100 entries and reaches older ones by keyset, then comes back', async () => {
    // A 1,000-entry log, newest first; the backend answers the page before each cursor.
    const at = (seq: number) => new Date(Date.UTC(2026, 2, 2, 8, 0) + seq * 60_000).toISOString();
    backend.on('crisisLog:list', ({ filter }) => {
      const top = filter.before ? filter.before.seq - 1 : 1000;
      return Array.from({ length: Math.min(filter.limit ?? 500, top) }, (_, k) => logEntry({ id: `00000000-0000-4000-8000-${String(top - k).padStart(12, '0')}`, seq: top - k, body: `Entrée ${top - k}`, occurredAt: at(top - k) }));
    });
    renderLog();
    await screen.findByTestId('entry-1000-correct', {}, { timeout: 10_000 });
    const shown = () => screen.getByTestId('log-entries').querySelectorAll('[data-testid$="-correct"]').length;
    expect(shown()).toBe(100);
    expect(isDisabled(screen.getByTestId('log-newer'))).toBe(true);
    click(screen.getByTestId('log-older'));
    await screen.findByTestId('entry-900-correct', {}, { timeout: 10_000 });
    expect(screen.queryByTestId('entry-1000-correct')).toBeNull();
    expect(shown()).toBe(100);
    expect(backend.sent('crisisLog:list').at(-1)?.filter).toMatchObject({ limit: 100, before: { occurredAt: at(901), seq: 901 } });
    click(screen.getByTestId('log-newer'));
    await screen.findByTestId('entry-1000-correct', {}, { timeout: 10_000 });
  }, 90_000);
});

describe('Crisis log entries from the cell', () => {
  it.each(['en', 'fr'] as const)('labels an entry whose signature does not hold as not genuine, and names the laptop it came from (%s)', async (language) => {
    const device = 'ab'.repeat(16);
    backend.reply('crisisLog:list', [
      logEntry({ seq: 2, id: '5b6f0e62-4d7a-4c1e-9d55-2f7c0a1b3c42', author: 'Bob', body: 'Évacuez le site', origin: { deviceId: device, memberName: 'Bob', hlc: '000000000000002.000000', genuine: false } }),
      logEntry({ seq: 1, author: 'Alice', body: 'Site fermé', origin: { deviceId: device, memberName: 'Bob', hlc: '000000000000001.000000', genuine: true } }),
    ]);
    renderLog(INCIDENT_ID, language);
    expect((await screen.findByTestId('entry-2-not-genuine')).textContent).toBe(t('incidents.log.notGenuine'));
    expect(screen.queryByTestId('entry-1-not-genuine')).toBeNull();
    expect(screen.getByText(new RegExp(t('incidents.log.fromLaptop', { name: 'Bob' })))).toBeTruthy();
  });
});
