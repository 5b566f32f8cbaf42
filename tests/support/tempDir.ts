// Temporary folders for tests, removed after each test file (with any core a test left open on them).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { closeTestCores } from './openCores';

export function useTempDirs(): () => string {
  const made: string[] = [];
  afterAll(() => {
    closeTestCores(made);
    made.forEach((d) => rmSync(d, { recursive: true, force: true }));
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'tocsin-test-'));
    made.push(dir);
    return dir;
  };
}
