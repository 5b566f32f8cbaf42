// Maps a request path to a file under the renderer folder, refusing anything that escapes it.
import { existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
};

export const mimeTypeOf = (file: string): string => MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';

/**
 * Resolves `urlPath` (already stripped of any prefix, still percent-encoded) inside `root`.
 * Returns undefined for traversal attempts, NUL bytes, bad encodings and missing files. `/` maps to index.html.
 */
export function resolveStaticFile(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const relative = decoded === '' || decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  const base = resolve(root);
  const target = resolve(join(base, normalize(relative)));
  if (target !== base && !target.startsWith(base + sep)) return undefined;
  if (!existsSync(target) || !statSync(target).isFile()) return undefined;
  return target;
}

/** The Content-Security-Policy of the app pages, sent as a header by both shells. */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Mantine and ECharts set inline styles at run time; scripts stay strictly 'self'.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
