// The suite's `test`: each Playwright worker runs its own backend, on its own data folder and port, so specs in two
// workers never see each other's watches, alerts or banners. Specs import Playwright from here.
import { test as base } from '@playwright/test';
import { startBackend, type Backend } from './backend';

export * from '@playwright/test';

export const test = base.extend<object, { backend: Backend }>({
  backend: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's needs from this pattern; it needs none
    async ({}, use, workerInfo) => {
      // The sample plan is preset: readiness.spec asks for a first choice on backends of its own.
      const backend = await startBackend({ name: `e2e-w${workerInfo.workerIndex}`, env: { TOCSIN_TOKEN: 'e2e-launch-token', TOCSIN_FIRST_PLAN: 'sample' } });
      await use(backend);
      await backend.stop();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  baseURL: async ({ backend }, use) => use(backend.url),
});
