// Turns the bytes of a text export into a string: vendors ship UTF-8 (with or without BOM), UTF-16 and
// Windows-1252, and a wrong guess silently corrupts every accented name.
import { analyse } from 'chardet';
import iconv from 'iconv-lite';

export interface DecodedText {
  readonly text: string;
  /** iconv name of the encoding used, e.g. `utf-8`, `utf-16le`, `windows-1252`. */
  readonly encoding: string;
}

const SNIFF_BYTES = 64 * 1024;

export function decodeText(bytes: Uint8Array): DecodedText {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const encoding = detectEncoding(buffer);
  // iconv-lite strips a BOM by default for the UTF encodings.
  return { text: iconv.decode(buffer, encoding), encoding };
}

export function detectEncoding(buffer: Buffer): string {
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return 'utf-8';
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return 'utf-16le';
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return 'utf-16be';
  const head = buffer.subarray(0, SNIFF_BYTES);
  const utf16 = utf16WithoutBom(head);
  if (utf16) return utf16;
  if (isUtf8(head)) return 'utf-8';
  return legacyEncoding(head);
}

/** ASCII-heavy UTF-16 text has a zero byte in every other position. */
function utf16WithoutBom(head: Buffer): string | undefined {
  const pairs = Math.floor(head.length / 2);
  if (pairs < 2) return undefined;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (head[i] === 0) zeroEven++;
    if (head[i + 1] === 0) zeroOdd++;
  }
  if (zeroOdd > pairs * 0.4 && zeroEven < pairs * 0.05) return 'utf-16le';
  if (zeroEven > pairs * 0.4 && zeroOdd < pairs * 0.05) return 'utf-16be';
  return undefined;
}

function isUtf8(head: Buffer): boolean {
  // A multi-byte sequence cut by the sniff window must not count against UTF-8.
  let end = head.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = head[end - back]!;
    if ((byte & 0xc0) === 0xc0) {
      end -= back;
      break;
    }
    if ((byte & 0x80) === 0) break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/** Not UTF: ask chardet, but map the ISO-8859 family to its Windows superset (curly quotes, €, œ). */
function legacyEncoding(head: Buffer): string {
  const candidates = analyse(head);
  for (const { name } of candidates) {
    const lower = name.toLowerCase();
    if (lower === 'iso-8859-1' || lower === 'iso-8859-15' || lower === 'windows-1252') return 'windows-1252';
    if (lower === 'iso-8859-2' || lower === 'windows-1250') return 'windows-1250';
    if (lower === 'windows-1251' || lower === 'koi8-r') return lower;
    if (lower === 'shift_jis' || lower === 'euc-jp' || lower === 'gb18030' || lower === 'big5' || lower === 'euc-kr') {
      if (iconv.encodingExists(lower)) return lower;
    }
  }
  return 'windows-1252';
}
