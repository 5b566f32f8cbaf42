// Keys for separate purposes drawn from one workspace secret with HKDF-SHA256 (RFC 5869): knowing one
// derived key (say, the crisis log's chain key) tells nothing about the secret or the other keys.
import { hkdfSync } from 'node:crypto';

/** `purpose` names the use and its version, e.g. `crisis-log/chain/v1`; the workspace id salts the derivation. */
export function deriveSubkey(secret: Buffer, workspaceId: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.from(`tocsin/${workspaceId}`, 'utf8'), Buffer.from(purpose, 'utf8'), 32));
}
