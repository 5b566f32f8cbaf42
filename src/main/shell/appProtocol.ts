// Serves the renderer from app://tocsin instead of file://, with the app's CSP on every response.
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { APP_CSP } from '../server/staticFiles';
import { APP_SCHEME, resolveAppRequest } from './policy';

/** Must run before `app.ready`. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const outcome = resolveAppRequest(request.method, request.url, rendererDir);
    if (outcome.status !== 200) return new Response(null, { status: outcome.status });
    const response = await net.fetch(pathToFileURL(outcome.file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', APP_CSP);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: 200, headers });
  });
}
