// What stays outside a test's bundle of the core: the runtime dependencies, which electron-vite leaves to
// node_modules as well (native code, fonts, WebAssembly loaded from beside the package's own files).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSync } from 'esbuild';

export const appExternals: string[] = Object.keys((JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies);

/** Bundles `entry` (from the repository root) into one CommonJS file a child process runs, leaving `appExternals` out. */
export function bundleForChild(entry: string, outfile: string): string {
  buildSync({ entryPoints: [resolve(entry)], bundle: true, platform: 'node', format: 'cjs', outfile, external: appExternals, logLevel: 'error' });
  return outfile;
}
