// Feed bytes → string: the HTTP charset first, then the BOM and XML declaration, then UTF-8 or windows-1252.
import iconv from 'iconv-lite';

const XML_ENCODING = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/;

export function charsetOf(contentType: string | null): string | undefined {
  const match = contentType ? /charset\s*=\s*"?([A-Za-z0-9._-]+)/i.exec(contentType) : null;
  return match?.[1]?.toLowerCase();
}

export function decodeFeedBytes(bytes: Uint8Array, contentType: string | null): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // A byte-order mark wins over the HTTP charset (RFC 7303), which wins over sniffing and the declaration.
  const declared = bomEncoding(buffer) ?? charsetOf(contentType) ?? sniffedEncoding(buffer) ?? xmlDeclared(buffer);
  const encoding = declared && iconv.encodingExists(declared) ? declared : guess(buffer);
  return iconv.decode(buffer, encoding);
}

function bomEncoding(b: Buffer): string | undefined {
  const head = b.subarray(0, 4).toString('hex');
  if (head.startsWith('efbbbf')) return 'utf-8';
  if (head === '0000feff') return 'utf-32be';
  if (head === 'fffe0000') return 'utf-32le';
  if (head.startsWith('feff')) return 'utf-16be';
  if (head.startsWith('fffe')) return 'utf-16le';
  return undefined;
}

/** XML 1.0 appendix F: without a BOM, the bytes of `<` or `<?` still give UTF-16 and UTF-32 away. */
function sniffedEncoding(b: Buffer): string | undefined {
  const head = b.subarray(0, 4).toString('hex');
  if (head === '0000003c') return 'utf-32be';
  if (head === '3c000000') return 'utf-32le';
  if (head === '003c003f') return 'utf-16be';
  if (head === '3c003f00') return 'utf-16le';
  return undefined;
}

function xmlDeclared(b: Buffer): string | undefined {
  // The declaration is ASCII in every ASCII-compatible encoding, so latin1 reads it safely.
  return XML_ENCODING.exec(b.subarray(0, 200).toString('latin1'))?.[1]?.toLowerCase();
}

function guess(b: Buffer): string {
  return iconv.decode(b, 'utf-8').includes('\ufffd') ? 'windows-1252' : 'utf-8';
}
