// Reads JSON exports (an array, or an object holding the array) and NDJSON into flat rows keyed by dotted paths.
import type { RawRow, RawTable } from './rawTable';

export class ImportFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFormatError';
  }
}

const MAX_DEPTH = 4;

export function readJson(text: string): RawTable {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ImportFormatError(`The file is not valid JSON: ${(error as Error).message}`);
  }
  const items = findItems(value);
  if (!items) throw new ImportFormatError('The JSON holds no list of records (expected an array of objects).');
  return toTable(items.map((item, index) => ({ line: index + 1, item })));
}

export function readNdjson(text: string): { table: RawTable; badLines: { line: number; detail: string }[] } {
  const entries: { line: number; item: unknown }[] = [];
  const badLines: { line: number; detail: string }[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const trimmed = raw.trim();
    if (!trimmed) return;
    try {
      entries.push({ line: index + 1, item: JSON.parse(trimmed) });
    } catch (error) {
      badLines.push({ line: index + 1, detail: (error as Error).message.slice(0, 200) });
    }
  });
  return { table: toTable(entries), badLines };
}

/** Export APIs wrap the list: `{ "results": [...] }`, `{ "data": { "mentions": [...] } }`… */
function findItems(value: unknown, depth = 0): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (!isRecord(value) || depth > 2) return undefined;
  let best: unknown[] | undefined;
  for (const child of Object.values(value)) {
    const found = Array.isArray(child) ? child : findItems(child, depth + 1);
    if (found && found.some(isRecord) && (!best || found.length > best.length)) best = found;
  }
  return best;
}

function toTable(entries: { line: number; item: unknown }[]): RawTable {
  const headerIndex = new Map<string, number>();
  const flatRows = entries.map(({ line, item }) => {
    const flat = new Map<string, string>();
    flatten(isRecord(item) ? item : { value: item }, '', flat, 0);
    for (const key of flat.keys()) if (!headerIndex.has(key)) headerIndex.set(key, headerIndex.size);
    return { line, flat };
  });
  const headers = [...headerIndex.keys()];
  const rows: RawRow[] = flatRows.map(({ line, flat }) => ({ line, cells: headers.map((h) => flat.get(h) ?? '') }));
  return { rows, headers };
}

function flatten(record: Record<string, unknown>, prefix: string, out: Map<string, string>, depth: number): void {
  for (const [key, value] of Object.entries(record)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value === null || value === undefined) out.set(path, '');
    else if (isRecord(value) && depth < MAX_DEPTH) flatten(value, path, out, depth + 1);
    else if (Array.isArray(value)) {
      out.set(path, value.every((v) => typeof v !== 'object' || v === null) ? value.join(', ') : JSON.stringify(value));
    } else if (typeof value === 'object') out.set(path, JSON.stringify(value));
    else out.set(path, String(value));
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
