// Proves the architecture's import boundaries are enforced by the real ESLint configuration.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleErrors(rule: string, filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === rule).map((m) => m.message);
}

const boundaryErrors = (filePath: string, code: string): Promise<string[]> => ruleErrors('tocsin/boundaries', filePath, code);
const sqlErrors = (filePath: string, code: string): Promise<string[]> => ruleErrors('tocsin/sql', filePath, code);

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

  describe('the house plan of src/main', () => {
    it.each([
      ['src/main/features/composer/x.ts', "import { IngestService } from '../mentions/ingestService';", /only through its index\.ts/],
      ['src/main/app/x.ts', "import { PlanService } from '../features/plan/planService';", /only through its index\.ts/],
      ['src/main/platform/db/x.ts', "import { IngestService } from '../../features/mentions';", /platform is feature-free/],
      ['src/main/platform/x.ts', "import { createCore } from '../app/createCore';", /platform is feature-free/],
    ])('rejects in %s: %s', async (file, code, message) => {
      expect(await boundaryErrors(file, `${code}\nexport {};\n`)).toEqual([expect.stringMatching(message)]);
    });

    it.each([
      ['src/main/features/composer/x.ts', "import { IngestService } from '../mentions';"],
      ['src/main/features/composer/x.ts', "import { IngestService } from '../mentions/index';"],
      ['src/main/features/composer/outbox/x.ts', "import { approvalStatus } from '../approvalState';"],
      ['src/main/features/composer/x.ts', "import { openDatabase } from '../../platform/db/openDatabase';"],
      ['src/main/app/x.ts', "import { createPlan } from '../features/plan';"],
    ])('allows in %s: %s', async (file, code) => {
      expect(await boundaryErrors(file, `${code}\nexport {};\n`)).toEqual([]);
    });
  });

  describe('SQL only in repositories and the db platform', () => {
    const statements = "declare const db: { prepare(s: string): unknown; exec(s: string): void; pragma(s: string): unknown };\n";
    it.each([
      ['src/main/features/backups/backupService.ts', "db.prepare('VACUUM INTO ?');"],
      ['src/main/features/plan/planService.ts', "db.exec('DELETE FROM plan');"],
      ['src/main/platform/workspaces/workspaceStore.ts', "db.pragma('journal_mode = WAL');"],
      ['src/main/app/createCore.ts', 'ws.db.exec(sql);'],
    ])('rejects in %s: %s', async (file, code) => {
      expect(await sqlErrors(file, `${statements}declare const ws: { db: typeof db };\ndeclare const sql: string;\n${code}\nexport {};\n`)).toHaveLength(1);
    });

    it.each([
      ['src/main/features/plan/planRepository.ts', "db.prepare('SELECT 1');"],
      ['src/main/platform/db/maintenance.ts', "db.pragma('integrity_check');"],
      ['src/main/features/imports/parseDate.ts', "/(\\d+)/.exec(text);"],
      ['src/main/features/imports/parseDate.ts', 'pattern.exec(text);'],
    ])('allows in %s: %s', async (file, code) => {
      expect(await sqlErrors(file, `${statements}declare const text: string;\ndeclare const pattern: RegExp;\n${code}\nexport {};\n`)).toEqual([]);
    });
  });
});
