// `npm ci` must reach nothing but the npm registry. The tone model runtime is onnxruntime-web (WebAssembly, shipped
// inside its registry package): unlike onnxruntime-node, whose postinstall fetches CUDA binaries from NuGet on
// linux-x64 unless told to skip, it and everything it pulls in install without a download step.
import { readFileSync } from 'node:fs';
import { matchesGlob } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

interface LockedPackage {
  version?: string;
  hasInstallScript?: boolean;
  dependencies?: Record<string, string>;
  optional?: boolean;
}

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockedPackage> };
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

/** The locked packages a package brings in, itself included (top-level hoisting, as npm laid them out). */
function closure(name: string, seen = new Set<string>()): Set<string> {
  if (seen.has(name)) return seen;
  seen.add(name);
  for (const dep of Object.keys(lock.packages[`node_modules/${name}`]?.dependencies ?? {})) closure(dep, seen);
  return seen;
}

describe('install scripts', () => {
  it('pins the ONNX runtime to an exact version and keeps onnxruntime-node and its CUDA download out', () => {
    expect(pkg.dependencies['onnxruntime-web']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(lock.packages['node_modules/onnxruntime-web']?.version).toBe(pkg.dependencies['onnxruntime-web']);
    expect(Object.keys(lock.packages).filter((path) => path.endsWith('node_modules/onnxruntime-node'))).toEqual([]);
  });

  it('runs no install script anywhere in the ONNX runtime’s dependencies but protobufjs’s local version check', () => {
    const withScripts = [...closure('onnxruntime-web')].filter((name) => lock.packages[`node_modules/${name}`]?.hasInstallScript);
    expect(withScripts).toEqual(['protobufjs']);
    // protobufjs's postinstall only compares version ranges in the parent package.json: no network, no binary.
    const script = readFileSync('node_modules/protobufjs/scripts/postinstall.js', 'utf8');
    expect(script).not.toMatch(/require\(["'](https?|net|child_process|node:https?|node:net|node:child_process)["']\)/);
  });

  it('ships its WebAssembly inside the registry package, so nothing is fetched when a model is opened', () => {
    const runtime = JSON.parse(readFileSync('node_modules/onnxruntime-web/package.json', 'utf8')) as { scripts?: Record<string, string> };
    expect(Object.keys(runtime.scripts ?? {}).filter((s) => /^(pre|post)?install$/.test(s))).toEqual([]);
    expect(readFileSync('node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.wasm').subarray(0, 4)).toEqual(Buffer.from([0, 0x61, 0x73, 0x6d]));
  });
});

describe('packaged ONNX runtime', () => {
  it('leaves out only the WebAssembly builds Node never loads', () => {
    const { files } = parse(readFileSync('electron-builder.yml', 'utf8')) as { files: string[] };
    const excluded = files.filter((f) => f.startsWith('!node_modules/onnxruntime-web')).map((f) => f.slice(1));
    expect(excluded.length).toBeGreaterThan(0);
    const entry = readFileSync('node_modules/onnxruntime-web/dist/ort.node.min.js', 'utf8');
    const loaded = ['ort.node.min.js', ...new Set(entry.match(/ort-wasm-simd-threaded[\w.]*\.(?:m?js|wasm)/g) ?? []), 'ort-wasm-simd-threaded.wasm'];
    for (const file of loaded) expect(excluded.some((glob) => matchesGlob(`node_modules/onnxruntime-web/dist/${file}`, glob)), file).toBe(false);
    expect(excluded.some((glob) => matchesGlob('node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.jsep.wasm', glob))).toBe(true);
  });
});
