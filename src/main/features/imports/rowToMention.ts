// Turns one mapped row into a MentionInput, or says (by code) why the row cannot be imported.
import { createHash } from 'node:crypto';
import type { ColumnMapping, ImportField, RowProblem } from '../../../shared/domain/fileImport';
import { mentionInputSchema, type MentionInput } from '../../../shared/domain/mention';
import { parseAccountType, parseHashtags, parseSentiment, parseVerified } from './agencyFields';
import { parseAudience, parseCount } from './parseCount';
import { readDate } from './parseDate';
import { parseLanguage } from './parseLanguage';
import { wordedIssues } from '../../platform/i18n/zodIssues';

export type RowOutcome =
  | { readonly ok: true; readonly mention: MentionInput; readonly zoneLess: boolean }
  | { readonly ok: false; readonly problem: RowProblem };

export interface RowReading {
  /** The IANA zone zone-less dates are read in. */
  readonly timeZone: string;
}

/** Column positions resolved once per import, so each row is a few array reads. */
export type ResolvedMapping = Readonly<Partial<Record<ImportField, number>>>;

export function resolveMapping(mapping: ColumnMapping, headers: readonly string[]): ResolvedMapping {
  const resolved: Partial<Record<ImportField, number>> = {};
  for (const [field, header] of Object.entries(mapping) as [ImportField, string | undefined][]) {
    const index = header === undefined ? -1 : headers.indexOf(header);
    if (index >= 0) resolved[field] = index;
  }
  return resolved;
}

export function rowToMention(line: number, cells: readonly string[], columns: ResolvedMapping, reading: RowReading): RowOutcome {
  const get = (field: ImportField): string => {
    const index = columns[field];
    return index === undefined ? '' : (cells[index] ?? '').trim();
  };
  const text = get('text');
  const title = get('title');
  if (!text && !title) return bad(line, 'noText');
  const rawDate = get('publishedAt');
  if (!rawDate) return bad(line, 'noDate');
  const date = readDate(rawDate, get('publishedTime') || undefined, reading.timeZone);
  if (!date) return bad(line, 'badDate', rawDate);
  const publishedAt = date.iso;
  const audience = parseAudience(get('audience'));
  if (!audience.ok) return bad(line, 'badCount', get('audience'));

  const url = httpUrl(get('url'));
  const handle = get('authorHandle');
  const candidate = {
    externalId: get('externalId') || rowKey(publishedAt, url, handle, text || title),
    url,
    author: {
      handle: handle || undefined,
      displayName: get('authorName') || undefined,
      audience: audience.value,
      kind: parseAccountType(get('accountType')),
      verified: parseVerified(get('verified')),
    },
    text: text || title,
    title: text && title ? title : undefined,
    language: parseLanguage(get('language')),
    publishedAt,
    engagement: { likes: parseCount(get('likes')), shares: parseCount(get('shares')), replies: parseCount(get('replies')) },
    sourceName: get('sourceName') || undefined,
    hashtags: parseHashtags(get('hashtags')),
    agencyTone: parseSentiment(get('sentiment')),
  };
  const parsed = mentionInputSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = wordedIssues(parsed.error)[0];
    if (!issue) return bad(line, 'invalid');
    return { ok: false, problem: { line, code: 'invalid', detail: `${issue.path}: ${issue.message}`.slice(0, 300), field: issue.path.slice(0, 100), wording: issue.wording } };
  }
  return { ok: true, mention: parsed.data, zoneLess: !date.zoned };
}

/** A row without an id column gets one from its content, so importing the same file again matches it. */
function rowKey(publishedAt: string, url: string | undefined, handle: string, text: string): string {
  const digest = createHash('sha256').update([publishedAt, url ?? '', handle, text.normalize('NFC')].join('\u001f')).digest('hex');
  return `row:${digest.slice(0, 40)}`;
}

function httpUrl(raw: string): string | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

function bad(line: number, code: RowProblem['code'], detail?: string): RowOutcome {
  return { ok: false, problem: detail === undefined ? { line, code } : { line, code, detail: detail.slice(0, 300) } };
}
