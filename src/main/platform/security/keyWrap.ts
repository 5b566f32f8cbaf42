// Wrapping of database keys: AES-256-GCM under a key-encryption key, which comes from a passphrase
// (scrypt, memory-hard) or from the OS keychain (Electron safeStorage).
import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCb, type ScryptOptions } from 'node:crypto';
import { z } from 'zod';

export const wrappedSchema = z.object({
  iv: z.string().regex(/^[0-9a-f]{24}$/),
  tag: z.string().regex(/^[0-9a-f]{32}$/),
  data: z.string().regex(/^[0-9a-f]+$/),
});
export type Wrapped = z.infer<typeof wrappedSchema>;

export const kdfSchema = z.object({
  name: z.literal('scrypt'),
  /** CPU/memory cost; 2^17 with r = 8 needs 128 MiB, which is what makes guessing expensive. */
  N: z.number().int().min(1024),
  r: z.number().int().min(1),
  p: z.number().int().min(1),
  salt: z.string().regex(/^[0-9a-f]{32,}$/),
});
export type KdfParams = z.infer<typeof kdfSchema>;

export const DEFAULT_KDF_COST = { N: 2 ** 17, r: 8, p: 1 } as const;

export function newKdfParams(cost: { N: number; r: number; p: number } = DEFAULT_KDF_COST): KdfParams {
  return { name: 'scrypt', ...cost, salt: randomBytes(16).toString('hex') };
}

export function deriveKek(passphrase: string, kdf: KdfParams): Promise<Buffer> {
  const options: ScryptOptions = { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r + 32 * 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scryptCb(passphrase.normalize('NFC'), Buffer.from(kdf.salt, 'hex'), 32, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export function wrap(kek: Buffer, plain: Buffer, context: string): Wrapped {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  // The context (e.g. the workspace id) is authenticated, so a key file swapped between workspaces fails.
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const data = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { iv: iv.toString('hex'), tag: cipher.getAuthTag().toString('hex'), data: data.toString('hex') };
}

/** Returns undefined when the KEK is wrong or the data was altered (GCM authentication fails). */
export function unwrap(kek: Buffer, wrapped: Wrapped, context: string): Buffer | undefined {
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrapped.iv, 'hex'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(wrapped.tag, 'hex'));
    return Buffer.concat([decipher.update(Buffer.from(wrapped.data, 'hex')), decipher.final()]);
  } catch {
    return undefined;
  }
}
