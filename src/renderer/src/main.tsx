// Renderer entry: providers (theme, query cache, i18n, notifications) around the app frame.
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/dates/styles.css';
import 'dayjs/locale/fr';
import { localStorageColorSchemeManager, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { LIVE_WORKSPACE_ID } from '../../shared/domain/workspace';
import { App } from './app/App';
import { LocalisedDates } from './app/LocalisedDates';
import { LockGate } from './app/LockGate';
import { theme } from './app/theme';
import { WorkspaceProvider } from './app/WorkspaceContext';
import { initI18n } from './i18n/setup';

const i18n = initI18n();
// Push events keep the cache fresh, so nothing refetches on a timer or on window focus.
const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: Infinity, refetchOnWindowFocus: false, retry: 1 } },
});

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <MantineProvider
        theme={theme}
        defaultColorScheme="dark"
        colorSchemeManager={localStorageColorSchemeManager({ key: 'tocsin.colorScheme' })}
      >
        <LocalisedDates>
          <Notifications position="top-right" />
          <QueryClientProvider client={queryClient}>
            <WorkspaceProvider id={LIVE_WORKSPACE_ID}>
              <LockGate>
                <App />
              </LockGate>
            </WorkspaceProvider>
          </QueryClientProvider>
        </LocalisedDates>
      </MantineProvider>
    </I18nextProvider>
  </StrictMode>,
);
