// Setup of the unit files that share a worker: whatever core a file left open is closed when the file ends.
import { afterAll } from 'vitest';
import { closeTestCores } from './openCores';

afterAll(() => closeTestCores());
