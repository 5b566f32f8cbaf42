// Secrets handed to Tocsin through the environment are taken once and removed from it: every child process
// (the system browser, the OS's link opener) inherits the environment and must not inherit them.

/** The variables that carry a secret (browser mode and the relay read them; nothing else may keep them). */
const SECRET_VARIABLES = ['TOCSIN_PASSPHRASE', 'TOCSIN_TOKEN', 'TOCSIN_JOIN_CODE'] as const;
export type SecretVariable = (typeof SECRET_VARIABLES)[number];

/** Reads a secret variable and deletes it from `env`; an empty value counts as absent. */
export function takeSecret(name: SecretVariable, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const value = env[name];
  delete env[name];
  return value || undefined;
}

/** Deletes every secret variable from `env`, for a shell that reads none of them. */
export function dropSecrets(env: NodeJS.ProcessEnv = process.env): void {
  for (const name of SECRET_VARIABLES) delete env[name];
}

/** The environment to give a child process: this one, without any of Tocsin's own variables. */
export function childEnvironment(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('TOCSIN_')));
}
