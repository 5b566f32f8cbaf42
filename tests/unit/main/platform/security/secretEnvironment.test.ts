// Secrets passed through the environment are read once and gone; children get no Tocsin variable at all.
import { describe, expect, it } from 'vitest';
import { childEnvironment, dropSecrets, takeSecret } from '../../../../../src/main/platform/security/secretEnvironment';

describe('secret environment variables', () => {
  it('are removed as they are read, an empty one counting as absent', () => {
    const env: NodeJS.ProcessEnv = { TOCSIN_PASSPHRASE: 'pass', TOCSIN_TOKEN: '', HOME: '/home/x' };
    expect(takeSecret('TOCSIN_PASSPHRASE', env)).toBe('pass');
    expect(takeSecret('TOCSIN_TOKEN', env)).toBeUndefined();
    expect(env).toEqual({ HOME: '/home/x' });
  });

  it('leave the process environment itself once taken or dropped', () => {
    process.env.TOCSIN_PASSPHRASE = 'from the test';
    expect(takeSecret('TOCSIN_PASSPHRASE')).toBe('from the test');
    expect('TOCSIN_PASSPHRASE' in process.env).toBe(false);
    process.env.TOCSIN_PASSPHRASE = 'again';
    process.env.TOCSIN_TOKEN = 'token';
    dropSecrets();
    expect('TOCSIN_PASSPHRASE' in process.env || 'TOCSIN_TOKEN' in process.env).toBe(false);
  });

  it('never reach a child, nor does any other Tocsin variable; the rest passes unchanged', () => {
    const env = { TOCSIN_PASSPHRASE: 'p', TOCSIN_TOKEN: 't', TOCSIN_DATA_DIR: '/d', PATH: '/bin', DISPLAY: ':0', LANG: 'fr_CH.UTF-8' };
    expect(childEnvironment(env)).toEqual({ PATH: '/bin', DISPLAY: ':0', LANG: 'fr_CH.UTF-8' });
    expect(env.TOCSIN_PASSPHRASE).toBe('p');
  });
});
