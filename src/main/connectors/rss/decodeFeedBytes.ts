// Feed bytes → string: the HTTP charset first, then the BOM and XML declaration, then UTF-8 or windows-1252.
import iconv from 'iconv-lite';

const XML_ENCODING = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/;

export function charsetOf(contentType: string | null): string | undefined {
  const match = contentType ? /charset\s*=\s*"?([A-Za-z0-9._-]+)/i.exec(contentType) : null;
  return match?.[1]?.toLowerCase();
}

export function decodeFeedBytes(bytes: Uint8Array, contentType: string | null): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom = bomEncoding(buffer);
  const declared = charsetOf(contentType) ?? bom ?? xmlDeclared(buffer);
  const encoding = declared && iconv.encodingExists(declared) ? declared : guess(buffer);
  return iconv.decode(buffer, encoding);
}

function bomEncoding(b: Buffer): string | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return undefined;
}

function xmlDeclared(b: Buffer): string | undefined {
  // The declaration is ASCII in every ASCII-compatible encoding, so latin1 reads it safely.
  return XML_ENCODING.exec(b.subarray(0, 200).toString('latin1'))?.[1]?.toLowerCase();
}

function guess(b: Buffer): string {
  return iconv.decode(b, 'utf-8').includes('\ufffd') ? 'windows-1252' : 'utf-8';
}
