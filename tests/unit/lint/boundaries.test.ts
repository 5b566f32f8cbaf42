// Proves the architecture's import boundaries are enforced by the real ESLint configuration.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'tocsin/boundaries').map((m) => m.message);
}

describe('import boundaries', () => {
  it('fails a renderer file that imports from src/main', async () => {
    const errors = await boundaryErrors(
      'src/renderer/src/features/x/Bad.tsx',
      "import { openDatabase } from '../../../../main/platform/db/openDatabase';\nexport const x = openDatabase;\n",
    );
    expect(errors).toEqual([expect.stringMatching(/renderer may import only src\/renderer and src\/shared/)]);
  });

  it.each([
    ['src/renderer/src/x.ts', "import { readFileSync } from 'node:fs';"],
    ['src/renderer/src/x.ts', "import { ipcRenderer } from 'electron';"],
    ['src/renderer/src/x.ts', "import Database from 'better-sqlite3-multiple-ciphers';"],
    ['src/shared/x.ts', "import { join } from 'node:path';"],
    ['src/shared/x.ts', "import { useState } from 'react';"],
    ['src/shared/x.ts', "import { x } from '../main/platform/clock';"],
    ['src/main/features/x/x.ts', "import { app } from 'electron';"],
    ['src/main/features/x/x.ts', "import { App } from '../../../renderer/src/app/App';"],
    ['src/main/features/x/x.ts', "import { guards } from '../../shell/guards';"],
    ['src/preload/x.ts', "import { createCore } from '../main/app/createCore';"],
  ])('rejects in %s: %s', async (file, code) => {
    expect(await boundaryErrors(file, `${code}\nexport {};\n`)).toHaveLength(1);
  });

  it.each([
    ['src/renderer/src/x.ts', "import { calls } from '../../shared/contract/index';"],
    ['src/main/shell/x.ts', "import { app } from 'electron';"],
    ['src/main/index.ts', "import { app } from 'electron';"],
    ['src/preload/index.ts', "import { contextBridge } from 'electron';"],
    ['src/main/features/x/x.ts', "import { readFileSync } from 'node:fs';"],
    ['src/shared/x.ts', "import { z } from 'zod';"],
  ])('allows in %s: %s', async (file, code) => {
    expect(await boundaryErrors(file, `${code}\nexport {};\n`)).toEqual([]);
  });
});
