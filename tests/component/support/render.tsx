// Mounts a component inside the app's own providers, in the language the test reads it in.
import { QueryClient } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { Language } from '../../../src/shared/domain/workspace';
import { AppProviders } from '../../../src/renderer/src/app/AppProviders';
import { initI18n } from '../../../src/renderer/src/i18n/setup';

const i18n = initI18n();

/** The catalogue text in the language of the current render, for finding labels; messages under test are spelled out. */
export const t = (key: string, options?: Record<string, unknown>): string => i18n.t(key, options);

export function renderInApp(ui: ReactElement, { language = 'en' }: { language?: Language } = {}): RenderResult {
  void i18n.changeLanguage(language);
  // As in the app (push events refresh, nothing refetches by itself), but a failure is final: no retry delay.
  const queryClient = new QueryClient({
    defaultOptions: { queries: { staleTime: Infinity, refetchOnWindowFocus: false, retry: false }, mutations: { retry: false } },
  });
  return render(ui, {
    wrapper: ({ children }) => (
      <AppProviders i18n={i18n} queryClient={queryClient}>
        {children}
      </AppProviders>
    ),
  });
}
