// A laptop whose child process dies fails the calls it had in flight at once, instead of leaving the test to time out.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Laptop } from '../../support/cellLaptop';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();

/** A child that says it is ready, then dies on the first request it gets, as a crashing core would. */
function dyingChild(): string {
  const file = join(tempDir(), 'dyingChild.cjs');
  writeFileSync(file, "process.send({ ready: true });\nprocess.on('message', () => process.exit(3));\n");
  return file;
}

describe('a laptop whose child dies', () => {
  it('rejects the call in flight naming the call and the exit, and refuses later calls', async () => {
    const laptop = new Laptop(dyingChild(), tempDir());
    await laptop.ready;

    await expect(laptop.call('cell:status', { workspaceId: 'live' })).rejects.toThrow(/cell:status.*exited \(code 3\)/);
    await expect(laptop.call('cell:status', { workspaceId: 'live' })).rejects.toThrow(/exited \(code 3\)/);
  }, 10_000);
});
