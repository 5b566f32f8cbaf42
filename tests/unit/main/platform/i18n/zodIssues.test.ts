// What a screen shows when an input is refused is worded from the FR and EN catalogues, never Zod's English alone:
// each issue carries a catalogue key and values, for built-in checks, the contract's own checks and import rows.
import { afterAll, describe, expect, it } from 'vitest';
import { resolveMapping, rowToMention } from '../../../../../src/main/features/imports/rowToMention';
import { translator } from '../../../../../src/main/platform/i18n/translator';
import { makeTestCore } from '../../../../support/testCore';
import { useTempDirs } from '../../../../support/tempDir';

const tempDir = useTempDirs();
const core = makeTestCore(tempDir());
afterAll(() => core.close());
const fr = translator('fr');
const en = translator('en');

async function issuesOf(channel: string, input: unknown) {
  const result = await core.dispatch(channel, input);
  if (result.ok) throw new Error(`${channel} accepted ${JSON.stringify(input)}`);
  expect(result.error.code).toBe('INVALID_INPUT');
  return result.error.issues ?? [];
}

const worded = (issue: { wording?: { key: string; values?: Record<string, string | number> } }, t = fr) => t(issue.wording!.key, issue.wording!.values ?? {});

describe('refused inputs worded from the catalogues', () => {
  it.each([
    ['a number over its maximum', 'imports:unmatched', { runId: '00000000-0000-4000-8000-000000000000', limit: 100_000 }, 'limit', '500 au plus.', 'At most 500.'],
    ['a missing field', 'imports:status', {}, 'runId', 'Une valeur est nécessaire.', 'A value is needed.'],
    ['a malformed identifier', 'imports:status', { runId: 'abc' }, 'runId', 'Identifiant non valide.', 'Not a valid identifier.'],
    ['a value outside a list', 'dashboard:series', { workspaceId: 'live', watchId: 1, range: '2y' }, 'range', /^Valeurs possibles\s?: 1h, 6h/, /^Expected one of: 1h, 6h/],
    ['a period without its end', 'dashboard:series', { workspaceId: 'live', watchId: 1, from: '2026-03-01T00:00:00Z' }, 'to', 'Une période absolue doit avoir une fin.', 'An absolute period needs its end.'],
    ['an unknown time zone', 'reports:generate', { workspaceId: 'live', incidentId: '00000000-0000-4000-8000-000000000000', timeZone: 'Mars/Olympus' }, 'timeZone', /^Fuseau horaire inconnu/, /^Unknown time zone/],
  ])('words %s in French and English', async (_, channel, input, path, french, english) => {
    const issue = (await issuesOf(channel, input)).find((i) => i.path === path)!;
    expect(issue.wording?.key).toMatch(/^platform\.validation\./);
    expect(worded(issue)).toMatch(french);
    expect(worded(issue, en)).toMatch(english);
    // The English text beside the key is the catalogue's, not Zod's.
    expect(issue.message).toBe(worded(issue, en));
  });

  it('words a row the mention rules refuse, naming the field', () => {
    const columns = resolveMapping({ publishedAt: 'date', text: 'text', authorName: 'author' }, ['date', 'text', 'author']);
    const outcome = rowToMention(7, ['2026-03-01T10:00:00Z', 'Bonjour', 'x'.repeat(600)], columns, { timeZone: 'UTC' });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problem).toMatchObject({ line: 7, code: 'invalid', field: 'author.displayName', wording: { key: 'platform.validation.tooBig.string', values: { maximum: 512 } } });
    expect(worded(outcome.problem)).toBe('512 caractères au plus.');
  });
});
