// XLSX archives written byte by byte for the import tests: real workbook parts, deflated by zlib, with the option
// to make an entry's headers lie about its uncompressed size (local header and central directory alike) and to
// pad a sheet with megabytes of whitespace that deflate shrinks a thousandfold (a zip bomb).
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

export interface CraftedEntry {
  readonly name: string;
  readonly text: string;
  /** Whitespace inserted at `{{padding}}` in `text`, streamed through the deflater (never held whole). */
  readonly paddingBytes?: number;
  /** The uncompressed size the headers claim instead of the real one. */
  readonly declaredSize?: number;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** The parts of a one-sheet workbook whose sheet XML is `sheetData` (the inside of `<sheetData>`). */
export function oneSheetWorkbook(sheetData: string, sheet: Partial<CraftedEntry> = {}): CraftedEntry[] {
  return [
    {
      name: '[Content_Types].xml',
      text: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    },
    {
      name: '_rels/.rels',
      text: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      text: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL_NS}"><sheets><sheet name="Feuil1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      text: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    },
    { name: 'xl/worksheets/sheet1.xml', text: `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData>${sheetData}</sheetData></worksheet>`, ...sheet },
  ];
}

/** A sheet that inflates to about `bytes` (whitespace before its one row), its headers declaring `declaredSize`. */
export const bombWorkbook = (bytes: number, declaredSize?: number): CraftedEntry[] =>
  oneSheetWorkbook('{{padding}}<row r="1"><c r="A1" t="inlineStr"><is><t>boum</t></is></c></row>', { paddingBytes: bytes, declaredSize });

export async function craftZip(entries: readonly CraftedEntry[]): Promise<Uint8Array> {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const { data, crc, size } = await deflated(entry);
    const name = Buffer.from(entry.name, 'utf8');
    const declared = entry.declaredSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(8, 10);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(data.length, 20);
    header.writeUInt32LE(declared, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    parts.push(local, name, data);
    central.push(header, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, directory, end]));
}

async function deflated(entry: CraftedEntry): Promise<{ data: Buffer; crc: number; size: number }> {
  const [before, after = ''] = entry.text.split('{{padding}}') as [string, string?];
  if (!entry.paddingBytes) {
    const raw = Buffer.from(entry.text, 'utf8');
    return { data: deflateRawSync(raw), crc: crc32(raw), size: raw.length };
  }
  const deflater = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflater.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise((resolve) => deflater.on('end', resolve));
  const write = (chunk: Buffer): Promise<void> => new Promise((resolve) => (deflater.write(chunk) ? resolve() : deflater.once('drain', resolve)));
  let crc = 0;
  let size = 0;
  const chunk = Buffer.alloc(1 << 20, 0x20);
  for (const piece of [Buffer.from(before, 'utf8'), ...Array.from({ length: Math.ceil(entry.paddingBytes / chunk.length) }, () => chunk), Buffer.from(after, 'utf8')]) {
    crc = crc32(piece, crc);
    size += piece.length;
    await write(piece);
  }
  deflater.end();
  await done;
  return { data: Buffer.concat(out), crc, size };
}
