// What other parts of the core may use of the watches feature; everything else in this folder is its own.
export { WatchMatcher } from './watchMatcher';
export { WatchRepository } from './watchRepository';
export { WatchService } from './watchService';
export { createWatches } from './createWatches';
