// Where tests find the repository's files and the shared data beside it, wherever the test file sits.
import { resolve } from 'node:path';

export const repoRoot = resolve(__dirname, '../..');
export const repoPath = (...parts: string[]): string => resolve(repoRoot, ...parts);
/** `../shared/data/<parts>`: the evaluation and conformance data laid beside the repository. */
export const sharedData = (...parts: string[]): string => resolve(repoRoot, '../shared/data', ...parts);
