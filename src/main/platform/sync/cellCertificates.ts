// X.509 for a cell: a per-cell certificate authority (Ed25519) that certifies each laptop's device key, so TLS
// itself refuses a laptop the cell never admitted. Node's crypto makes the keys; @peculiar/x509 the certificates.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, webcrypto, type KeyObject } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const ED25519 = { name: 'Ed25519' } as const;
const TEN_YEARS_MS = 10 * 365 * 24 * 3600 * 1000;

export interface KeyPairPem {
  readonly publicKeyPem: string;
  readonly privateKeyPem: string;
}

export interface Authority {
  readonly certificatePem: string;
  readonly privateKeyPem: string;
}

// DER prefix of an Ed25519 private key (PKCS#8) before its 32-byte seed (RFC 8410).
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

const pemPair = (privateKey: KeyObject): KeyPairPem => ({
  publicKeyPem: createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString(),
  privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
});

export function generateEd25519(): KeyPairPem {
  return pemPair(generateKeyPairSync('ed25519').privateKey);
}

/** The key pair of a 32-byte seed: keys derived from a wrapped secret need never be stored themselves. */
export function ed25519FromSeed(seed: Buffer): KeyPairPem {
  if (seed.length !== 32) throw new Error('An Ed25519 seed is 32 bytes.');
  return pemPair(createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' }));
}

/** A laptop's id: the SHA-256 of its public key (SPKI DER), hex, so the id cannot be claimed without the key. */
export function deviceIdOf(publicKeyPem: string): string {
  return createHash('sha256').update(createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 32);
}

export function certificateFingerprint(pemOrDer: string | Buffer): string {
  const der = typeof pemOrDer === 'string' ? Buffer.from(new x509.X509Certificate(pemOrDer).rawData) : pemOrDer;
  return createHash('sha256').update(der).digest('hex');
}

const toCryptoKey = (key: KeyObject, usage: 'sign' | 'verify'): Promise<CryptoKey> =>
  key.type === 'private'
    ? webcrypto.subtle.importKey('pkcs8', key.export({ type: 'pkcs8', format: 'der' }), ED25519, true, [usage])
    : webcrypto.subtle.importKey('spki', key.export({ type: 'spki', format: 'der' }), ED25519, true, [usage]);

const serial = (): string => randomBytes(16).toString('hex').replace(/^[89a-f]/, '1');

/** The cell's self-signed authority; its key pair from `pair` when it is derived, else a fresh one. */
export async function createAuthority(cellId: string, now: Date, pair: KeyPairPem = generateEd25519()): Promise<Authority> {
  const keys = {
    privateKey: await toCryptoKey(createPrivateKey(pair.privateKeyPem), 'sign'),
    publicKey: await toCryptoKey(createPublicKey(pair.publicKeyPem), 'verify'),
  };
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: `CN=Tocsin cell ${cellId}`,
    notBefore: now,
    notAfter: new Date(now.getTime() + TEN_YEARS_MS),
    keys,
    signingAlgorithm: ED25519,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
    ],
  });
  return { certificatePem: certificate.toString('pem'), privateKeyPem: pair.privateKeyPem };
}

/** The CA's certificate for one laptop's device key; its common name is the device id. */
export async function issueDeviceCertificate(authority: Authority, devicePublicKeyPem: string, now: Date): Promise<string> {
  const issuer = new x509.X509Certificate(authority.certificatePem);
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: `CN=${deviceIdOf(devicePublicKeyPem)}`,
    issuer: issuer.subject,
    notBefore: now,
    notAfter: new Date(now.getTime() + TEN_YEARS_MS),
    publicKey: await toCryptoKey(createPublicKey(devicePublicKeyPem), 'verify'),
    signingKey: await toCryptoKey(createPrivateKey(authority.privateKeyPem), 'sign'),
    signingAlgorithm: ED25519,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth, x509.ExtendedKeyUsage.clientAuth]),
    ],
  });
  return certificate.toString('pem');
}
