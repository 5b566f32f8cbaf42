// Whether a record shared in the cell was signed by the laptop it names: an Ed25519 signature (base64) over its
// bytes, checked against that laptop's device key (SPKI PEM) from the members list. Anything malformed is simply
// not genuine. Parsing a PEM costs more than checking a signature, and a cell has a handful of laptops: each key is
// parsed once.
import { createPublicKey, verify, type KeyObject } from 'node:crypto';

const publicKeys = new Map<string, KeyObject>();

function publicKeyOf(pem: string): KeyObject {
  let key = publicKeys.get(pem);
  if (!key) {
    key = createPublicKey(pem);
    publicKeys.set(pem, key);
  }
  return key;
}

export function deviceSignatureHolds(data: Buffer, signature: string, publicKeyPem: string | undefined): boolean {
  if (!publicKeyPem) return false;
  try {
    return verify(null, data, publicKeyOf(publicKeyPem), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
