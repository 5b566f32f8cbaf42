// The test kit closes the cores a test left open, so a file sharing its worker leaves no timer to the next one.
import { describe, expect, it } from 'vitest';
import { closeTestCores } from '../../support/openCores';
import { useTempDirs } from '../../support/tempDir';
import { makeTestCore } from '../../support/testCore';

const tempDir = useTempDirs();

describe('cores left open by a test', () => {
  it('are closed with their folder, and a core closed twice closes once', async () => {
    const kept = makeTestCore(tempDir());
    const left = makeTestCore(tempDir());
    const closedTwice = makeTestCore(tempDir());
    closedTwice.close();
    closedTwice.close();

    closeTestCores([tempDir(), '/nowhere']);
    expect(await kept.dispatch('workspaces:list', {})).toMatchObject({ ok: true });

    left.close();
    closeTestCores();
    expect(await kept.dispatch('workspaces:list', {})).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(await left.dispatch('workspaces:list', {})).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });
});
