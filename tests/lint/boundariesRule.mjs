// ESLint rule enforcing which layer may import what (after Signal's file-suffix and VS Code's layering):
// - src/shared: no node:, no electron, no DOM/React, no other src layer;
// - src/renderer: only itself and src/shared; no node:, no electron;
// - src/preload: only src/shared and electron;
// - electron: only the shell files (src/main/index.ts, src/main/shell/**) and the preload;
// - src/main: never src/renderer or src/preload;
// - src/main/platform: no feature and no app (the platform is feature-free);
// - src/main/features/<a>: another feature only through its index.ts;
// and `sql` (below): `.prepare`/`.exec`/`.pragma` on a database only in repository files and src/main/platform/db.
import { builtinModules } from 'node:module';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const NODE_BUILTINS = new Set(builtinModules);
// ECharts itself is allowed in main: the incident report renders its charts server-side to SVG (SSR mode,
// no DOM). Its React wrapper stays renderer-only.
// i18next itself is not renderer-only: main words its PDFs and files with its own instance over the same catalogues.
const RENDERER_ONLY_PACKAGES = /^(react|react-dom|@mantine\/|@tanstack\/|echarts-for-react|@tabler\/|react-i18next|dayjs)/;
const MAIN_ONLY_PACKAGES = /^(better-sqlite3|better-sqlite3-multiple-ciphers)$/;

const layerOf = (absFile) => {
  const rel = path.relative(root, absFile).split(path.sep).join('/');
  if (rel.startsWith('src/shared/')) return 'shared';
  if (rel.startsWith('src/renderer/')) return 'renderer';
  if (rel.startsWith('src/preload/')) return 'preload';
  if (rel === 'src/main/index.ts' || rel.startsWith('src/main/shell/')) return 'shell';
  if (rel.startsWith('src/main/platform/')) return 'platform';
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
    case 'platform':
    case 'main':
    case 'shell':
      if (RENDERER_ONLY_PACKAGES.test(spec)) return 'main may not import renderer packages';
      if (targetLayer === 'renderer' || targetLayer === 'preload') return 'main may not import src/renderer or src/preload';
      if (fromLayer !== 'shell' && targetLayer === 'shell') return 'the Electron-free core may not import the Electron shell';
      return undefined;
    default:
      return undefined;
  }
}

const relOf = (absFile) => path.relative(root, absFile).split(path.sep).join('/');
const FEATURE = /^src\/main\/features\/([^/]+)(\/.*)?$/;

/** The house plan inside src/main: platform below features, features meeting only at their index. */
export function houseViolation(fromRel, targetRel) {
  // Tests and scripts may reach inside a feature: they test or measure its parts.
  if (!fromRel.startsWith('src/main/') || !targetRel.startsWith('src/main/')) return undefined;
  const target = FEATURE.exec(targetRel.replace(/\.(ts|tsx)$/, ''));
  if (fromRel.startsWith('src/main/platform/') && (target || targetRel.startsWith('src/main/app/'))) {
    return 'src/main/platform is feature-free: it may not import a feature or the app';
  }
  if (!target) return undefined;
  const from = FEATURE.exec(fromRel);
  if (from && from[1] === target[1]) return undefined;
  const inner = target[2] ?? '';
  if (inner !== '' && inner !== '/index') return `another feature is reached only through its index.ts (import features/${target[1]} instead)`;
  return undefined;
}

export const boundaries = {
  meta: { type: 'problem', docs: { description: 'Process and layer import boundaries' }, schema: [] },
  create(context) {
    const file = context.filename;
    const fromLayer = layerOf(file);
    const check = (node, spec) => {
      if (typeof spec !== 'string') return;
      const targetLayer = spec.startsWith('.') ? layerOf(path.resolve(path.dirname(file), spec)) : undefined;
      const message =
        violation(fromLayer, spec, targetLayer) ??
        (spec.startsWith('.') ? houseViolation(relOf(file), relOf(path.resolve(path.dirname(file), spec))) : undefined);
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

const SQL_METHODS = new Set(['prepare', 'exec', 'pragma']);
const DATABASE_NAME = /(^|[^a-z])(db|database|sqlite|connection|conn)$/i;
const sqlAllowed = (rel) => /Repository\.ts$/.test(rel) || rel.startsWith('src/main/platform/db/');

/** SQL lives only in repositories and the db platform: `x.prepare(...)`, `db.exec(...)`, `db.pragma(...)` elsewhere in src/main fail. */
export const sql = {
  meta: { type: 'problem', docs: { description: 'SQL only in repository files and src/main/platform/db' }, schema: [] },
  create(context) {
    const rel = relOf(context.filename);
    if (!rel.startsWith('src/main/') || sqlAllowed(rel)) return {};
    return {
      CallExpression: (node) => {
        const callee = node.callee;
        if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier' || !SQL_METHODS.has(callee.property.name)) return;
        const method = callee.property.name;
        const receiver = callee.object.type === 'Identifier' ? callee.object.name : callee.object.type === 'MemberExpression' && callee.object.property.type === 'Identifier' ? callee.object.property.name : '';
        const arg = node.arguments[0];
        const sqlText = arg && (arg.type === 'TemplateLiteral' || (arg.type === 'Literal' && typeof arg.value === 'string'));
        // RegExp#exec takes the text to search: only a database receiver or SQL text makes it a statement.
        if (method === 'exec' && !DATABASE_NAME.test(receiver) && !sqlText) return;
        if (method === 'pragma' && !DATABASE_NAME.test(receiver) && !sqlText) return;
        context.report({ node, message: `SQL (.${method}) only in repository files (*Repository.ts) and src/main/platform/db` });
      },
    };
  },
};
