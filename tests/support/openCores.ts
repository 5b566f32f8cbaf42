// Unit files share their worker: a core a test leaves open (an assertion failed before its close, or it never closed)
// would fire its timers into the next file, after its folder is gone. Every core the test kit makes is closed by then.
import type { Core } from '../../src/main/app/createCore';

const openCores = new Map<Core, string>();

/** The core, with a close that also forgets it; closing twice closes once. */
export function trackOpenCore(core: Core, dataDir: string): Core {
  const tracked: Core = { ...core, close: () => void (openCores.delete(tracked) && core.close()) };
  openCores.set(tracked, dataDir);
  return tracked;
}

/** Closes the cores still open on the given data folders (or on any folder), before those folders are removed. */
export function closeTestCores(under?: readonly string[]): void {
  for (const [core, dataDir] of openCores) {
    if (!under || under.some((dir) => dataDir === dir || dataDir.startsWith(`${dir}/`))) core.close();
  }
}
