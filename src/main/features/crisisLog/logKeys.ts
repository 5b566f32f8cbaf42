// The crisis log's keys, derived from the workspace secret the key ring holds: one for the chain's links,
// one for the anchor file kept beside the key file.
import { deriveSubkey } from '../../platform/security/subkeys';

export interface LogKeys {
  readonly chain: Buffer;
  readonly anchor: Buffer;
}

export const logKeysFrom = (secret: Buffer, workspaceId: string): LogKeys => ({
  chain: deriveSubkey(secret, workspaceId, 'crisis-log/chain/v1'),
  anchor: deriveSubkey(secret, workspaceId, 'crisis-log/anchor/v1'),
});
