// The browser-mode transport's own failures (no server, a wrong launch token) carry catalogue keys, so the screens
// word them in the reader's language instead of showing the browser's English.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpApi } from '../../../../src/renderer/src/api/httpApi';
import { uiCatalogs } from '../../../../src/shared/i18n/index';

const servers: ReturnType<typeof createServer>[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

const inCatalogues = (key: string) =>
  (['en', 'fr'] as const).every((language) => typeof key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], uiCatalogs[language]) === 'string');

describe('browser-mode transport failures', () => {
  it('words a refused launch token and an unreachable server from the catalogues', async () => {
    const server = createServer((_, res) => res.writeHead(401).end('no'));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const refused = await createHttpApi(`http://127.0.0.1:${port}/token/`)['workspaces:list']({});
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED', wording: { key: 'platform.http.badToken' } } });
    server.close();
    const unreachable = await createHttpApi(`http://127.0.0.1:${port}/token/`)['workspaces:list']({});
    expect(unreachable).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', wording: { key: 'platform.http.unreachable' } } });
    for (const result of [refused, unreachable]) if (!result.ok) expect(inCatalogues(result.error.wording!.key)).toBe(true);
  });
});
