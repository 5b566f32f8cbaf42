// What other features may use of mentions.
export { RollupRepository, type VolumeBucket } from './rollups/rollupRepository';
