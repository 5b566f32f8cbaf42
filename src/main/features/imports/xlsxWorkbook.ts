// The parts of an XLSX workbook a sheet needs before it can be read: where its worksheets are (in the order the
// workbook lists them), the shared strings, which cell styles are dates, and the date system.
import { posix } from 'node:path';
import { xmlEvents, type XmlHandlers } from './xmlEvents';
import { isDateFormat } from './xlsxCells';
import type { ZipEntries } from './zipEntries';

export interface Workbook {
  /** Archive paths of the worksheets, in workbook order. */
  readonly sheets: readonly string[];
  readonly sharedStrings: readonly string[];
  /** By cell style index (`<c s>`): whether its number format shows a date. */
  readonly dateStyles: readonly boolean[];
  readonly date1904: boolean;
}

const OFFICE_DOCUMENT = /\/officeDocument$/;
const WORKSHEET = /\/worksheet$/;
const SHARED_STRINGS = /\/sharedStrings$/;
const STYLES = /\/styles$/;

export async function readWorkbook(zip: ZipEntries): Promise<Workbook | undefined> {
  const root = await readRelationships(zip, '_rels/.rels', '');
  const workbookPath = root.find((r) => OFFICE_DOCUMENT.test(r.type))?.target ?? 'xl/workbook.xml';
  const folder = posix.dirname(workbookPath);
  const relationships = await readRelationships(zip, posix.join(folder, '_rels', `${posix.basename(workbookPath)}.rels`), folder);
  const byId = new Map(relationships.map((r) => [r.id, r]));

  const sheetIds: string[] = [];
  let date1904 = false;
  const found = await readPart(zip, workbookPath, {
    open(name, attributes) {
      if (name === 'workbookPr') date1904 = attributes.date1904 === '1' || attributes.date1904 === 'true';
      if (name === 'sheet') {
        const id = Object.entries(attributes).find(([key]) => key.endsWith(':id'))?.[1];
        if (id) sheetIds.push(id);
      }
    },
  });
  if (!found) return undefined;
  const sheets = sheetIds.flatMap((id) => {
    const r = byId.get(id);
    return r && WORKSHEET.test(r.type) ? [r.target] : [];
  });
  const partOf = (type: RegExp, fallback: string): string => relationships.find((r) => type.test(r.type))?.target ?? posix.join(folder, fallback);
  return {
    sheets,
    sharedStrings: await readSharedStrings(zip, partOf(SHARED_STRINGS, 'sharedStrings.xml')),
    dateStyles: await readDateStyles(zip, partOf(STYLES, 'styles.xml')),
    date1904,
  };
}

/** Streams one part through `handlers`; false when the archive has no such part. */
export async function readPart(zip: ZipEntries, path: string, handlers: XmlHandlers): Promise<boolean> {
  const xml = xmlEvents(handlers);
  const found = await zip.read(path, (chunk) => xml.write(chunk));
  if (found) xml.end();
  return found;
}

interface Relationship {
  readonly id: string;
  readonly type: string;
  /** Archive path of the target. */
  readonly target: string;
}

async function readRelationships(zip: ZipEntries, path: string, folder: string): Promise<Relationship[]> {
  const out: Relationship[] = [];
  await readPart(zip, path, {
    open(name, a) {
      if (name !== 'Relationship' || !a.Id || !a.Target || a.TargetMode === 'External') return;
      const target = a.Target.startsWith('/') ? a.Target.slice(1) : posix.normalize(posix.join(folder, a.Target));
      out.push({ id: a.Id, type: a.Type ?? '', target });
    },
  });
  return out;
}

/** Each `<si>` as plain text: its `<t>` runs joined, phonetic guides (`<rPh>`) left out. */
async function readSharedStrings(zip: ZipEntries, path: string): Promise<string[]> {
  const strings: string[] = [];
  let current: string[] | undefined;
  let inText = false;
  let phonetic = 0;
  await readPart(zip, path, {
    open(name) {
      if (name === 'si') current = [];
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && phonetic === 0) inText = true;
    },
    text(text) {
      if (inText) current?.push(text);
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si') {
        strings.push(current?.join('') ?? '');
        current = undefined;
      }
    },
  });
  return strings;
}

/** Whether each cell style (`<cellXfs>` entry, by index) formats numbers as dates. */
async function readDateStyles(zip: ZipEntries, path: string): Promise<boolean[]> {
  const custom = new Map<number, string>();
  const styleFormats: number[] = [];
  let inCellXfs = false;
  await readPart(zip, path, {
    open(name, a) {
      if (name === 'numFmt' && a.numFmtId !== undefined) custom.set(Number.parseInt(a.numFmtId, 10), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) styleFormats.push(Number.parseInt(a.numFmtId ?? '0', 10));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return styleFormats.map((id) => isDateFormat(id, custom.get(id)));
}
