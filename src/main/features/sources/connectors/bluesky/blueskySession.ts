// App-password sessions: createSession is tightly rate-limited (about 30 per 5 minutes), so the session
// travels in the source's cursor and is refreshed with refreshSession; a new one is made only when needed.
import { healthMessage } from '../../../../../shared/domain/healthMessage';
import { z } from 'zod';
import { ConnectorError } from '../connectorError';
import { xrpc, XrpcError, type XrpcOptions } from './xrpc';

export const sessionSchema = z.object({ accessJwt: z.string().min(1), refreshJwt: z.string().min(1), did: z.string() });
export type BlueskySession = z.infer<typeof sessionSchema>;

const isExpired = (error: unknown): boolean =>
  error instanceof XrpcError && (error.error === 'ExpiredToken' || error.error === 'InvalidToken' || error.status === 401);

export async function createSession(options: XrpcOptions, credentials: Readonly<Record<string, string>>): Promise<BlueskySession> {
  const identifier = credentials.identifier?.trim();
  const password = credentials.appPassword?.trim();
  if (!identifier || !password) {
    throw new ConnectorError('config', healthMessage('blueskyNeedsCredentials'));
  }
  const parsed = sessionSchema.safeParse(await xrpc(options, 'com.atproto.server.createSession', { body: { identifier, password } }));
  if (!parsed.success) throw new ConnectorError('unparseable', healthMessage('blueskyUnexpectedSession', { host: new URL(options.service).host }));
  return parsed.data;
}

async function refreshSession(options: XrpcOptions, session: BlueskySession): Promise<BlueskySession> {
  const parsed = sessionSchema.safeParse(await xrpc(options, 'com.atproto.server.refreshSession', { method: 'POST', bearer: session.refreshJwt }));
  if (!parsed.success) throw new ConnectorError('unparseable', healthMessage('blueskyUnexpectedSession', { host: new URL(options.service).host }));
  return parsed.data;
}

/**
 * Runs `call` with a working access token: the stored one, else a refreshed one, else a new session.
 * Returns the session actually used, so the caller can store it with its cursor.
 */
export async function withSession<T>(
  options: XrpcOptions,
  credentials: Readonly<Record<string, string>>,
  stored: BlueskySession | undefined,
  call: (accessJwt: string) => Promise<T>,
): Promise<{ value: T; session: BlueskySession }> {
  let session = stored ?? (await createSession(options, credentials));
  try {
    return { value: await call(session.accessJwt), session };
  } catch (error) {
    if (!isExpired(error)) throw error;
  }
  try {
    session = await refreshSession(options, session);
  } catch (error) {
    if (!isExpired(error)) throw error;
    session = await createSession(options, credentials);
  }
  return { value: await call(session.accessJwt), session };
}
