// Which reader a file needs, from its bytes first and its name second (exports are often misnamed).
import type { ImportFormat } from '../../../shared/domain/fileImport';

export function sniffFormat(fileName: string, bytes: Uint8Array): ImportFormat {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.ndjson') || lower.endsWith('.jsonl')) return 'ndjson';
  if (lower.endsWith('.json')) return 'json';
  const first = firstNonSpaceChar(bytes);
  if (first === '[') return 'json';
  if (first === '{') return looksLikeNdjson(bytes) ? 'ndjson' : 'json';
  return 'csv';
}

function firstNonSpaceChar(bytes: Uint8Array): string | undefined {
  for (let i = 0; i < Math.min(bytes.length, 4096); i++) {
    const b = bytes[i]!;
    // Skip a UTF-8 BOM and whitespace.
    if (b === 0xef || b === 0xbb || b === 0xbf || b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d) continue;
    return String.fromCharCode(b);
  }
  return undefined;
}

/** NDJSON: the first line is a complete JSON object on its own. */
function looksLikeNdjson(bytes: Uint8Array): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, 256 * 1024));
  const firstLine = head.trimStart().split(/\r?\n/, 1)[0] ?? '';
  try {
    const value: unknown = JSON.parse(firstLine);
    return typeof value === 'object' && value !== null && head.trimStart().length > firstLine.length + 1;
  } catch {
    return false;
  }
}
