// What other features may use of mentions.
export { RollupRepository, type PartCount, type RollupCounts, type VolumeBucket } from './rollups/rollupRepository';
