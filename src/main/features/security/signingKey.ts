// The workspace's device signing key (Ed25519), derived from the workspace secret the key ring holds, so it
// is wrapped like the database key and never stored on its own. Another laptop checks a signature with the
// public key carried next to it, and the people compare its fingerprint with the one this laptop shows.
import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { deriveSubkey } from '../../platform/security/subkeys';

// DER prefixes of an Ed25519 private key (PKCS#8) and public key (SPKI) around their 32 raw bytes (RFC 8410).
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export interface SigningKey {
  /** The raw 32-byte public key, base64. */
  readonly publicKey: string;
  readonly fingerprint: string;
  sign(bytes: Buffer): string;
}

/** SHA-256 of the raw public key, first 16 bytes, in groups of four hex digits: short enough to read aloud. */
export function fingerprintOf(publicKey: Buffer): string {
  return (createHash('sha256').update(publicKey).digest('hex').slice(0, 32).toUpperCase().match(/.{4}/g) ?? []).join(' ');
}

export function signingKeyFor(secret: Buffer, workspaceId: string): SigningKey {
  const seed = deriveSubkey(secret, workspaceId, 'device/signing/ed25519/v1');
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const publicKey = (createPublicKey(privateKey).export({ format: 'der', type: 'spki' }) as Buffer).subarray(SPKI_PREFIX.length);
  return {
    publicKey: publicKey.toString('base64'),
    fingerprint: fingerprintOf(publicKey),
    sign: (bytes) => sign(null, bytes, privateKey).toString('base64'),
  };
}

function publicKeyFrom(base64: string): KeyObject | undefined {
  const raw = Buffer.from(base64, 'base64');
  if (raw.length !== 32) return undefined;
  try {
    return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
  } catch {
    return undefined;
  }
}

/** True when `signature` (base64) is the Ed25519 signature of `bytes` by the raw public key `publicKey` (base64). */
export function verifySignature(publicKey: string, bytes: Buffer, signature: string): boolean {
  const key = publicKeyFrom(publicKey);
  const sig = Buffer.from(signature, 'base64');
  if (!key || sig.length !== 64) return false;
  try {
    return verify(null, bytes, key, sig);
  } catch {
    return false;
  }
}
