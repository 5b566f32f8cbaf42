// ESLint rule enforcing which layer may import what (after Signal's file-suffix and VS Code's layering):
// - src/shared: no node:, no electron, no DOM/React, no other src layer;
// - src/renderer: only itself and src/shared; no node:, no electron;
// - src/preload: only src/shared and electron;
// - electron: only the shell files (src/main/index.ts, src/main/shell/**) and the preload;
// - src/main: never src/renderer or src/preload.
import { builtinModules } from 'node:module';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const NODE_BUILTINS = new Set(builtinModules);
// ECharts itself is allowed in main: the incident report renders its charts server-side to SVG (SSR mode,
// no DOM). Its React wrapper stays renderer-only.
const RENDERER_ONLY_PACKAGES = /^(react|react-dom|@mantine\/|@tanstack\/|echarts-for-react|@tabler\/|i18next|react-i18next|dayjs)/;
const MAIN_ONLY_PACKAGES = /^(better-sqlite3|better-sqlite3-multiple-ciphers)$/;

const layerOf = (absFile) => {
  const rel = path.relative(root, absFile).split(path.sep).join('/');
  if (rel.startsWith('src/shared/')) return 'shared';
  if (rel.startsWith('src/renderer/')) return 'renderer';
  if (rel.startsWith('src/preload/')) return 'preload';
  if (rel === 'src/main/index.ts' || rel.startsWith('src/main/shell/')) return 'shell';
  if (rel.startsWith('src/main/')) return 'main';
  return 'other';
};

const isNodeBuiltin = (spec) => spec.startsWith('node:') || NODE_BUILTINS.has(spec.split('/')[0]);

export function violation(fromLayer, spec, targetLayer) {
  const electron = spec === 'electron' || spec.startsWith('electron/');
  if (electron && !['shell', 'preload', 'other'].includes(fromLayer)) {
    return 'only src/main/index.ts, src/main/shell/** and src/preload may import electron';
  }
  switch (fromLayer) {
    case 'shared':
      if (isNodeBuiltin(spec)) return 'src/shared runs everywhere: no Node built-ins';
      if (RENDERER_ONLY_PACKAGES.test(spec) || MAIN_ONLY_PACKAGES.test(spec)) return 'src/shared may not import UI or database packages';
      if (targetLayer && targetLayer !== 'shared') return 'src/shared may import only src/shared';
      return undefined;
    case 'renderer':
      if (isNodeBuiltin(spec)) return 'the renderer has no Node built-ins';
      if (MAIN_ONLY_PACKAGES.test(spec)) return 'the renderer may not import main-process packages';
      if (targetLayer && !['renderer', 'shared'].includes(targetLayer)) return 'the renderer may import only src/renderer and src/shared';
      return undefined;
    case 'preload':
      if (targetLayer && targetLayer !== 'shared' && targetLayer !== 'preload') return 'the preload may import only src/shared';
      return undefined;
    case 'main':
    case 'shell':
      if (RENDERER_ONLY_PACKAGES.test(spec)) return 'main may not import renderer packages';
      if (targetLayer === 'renderer' || targetLayer === 'preload') return 'main may not import src/renderer or src/preload';
      if (fromLayer === 'main' && targetLayer === 'shell') return 'the Electron-free core may not import the Electron shell';
      return undefined;
    default:
      return undefined;
  }
}

export const boundaries = {
  meta: { type: 'problem', docs: { description: 'Process and layer import boundaries' }, schema: [] },
  create(context) {
    const file = context.filename;
    const fromLayer = layerOf(file);
    const check = (node, spec) => {
      if (typeof spec !== 'string') return;
      const targetLayer = spec.startsWith('.') ? layerOf(path.resolve(path.dirname(file), spec)) : undefined;
      const message = violation(fromLayer, spec, targetLayer);
      if (message) context.report({ node, message: `${message} (import of '${spec}')` });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') {
          check(node, node.arguments[0].value);
        }
      },
    };
  },
};
