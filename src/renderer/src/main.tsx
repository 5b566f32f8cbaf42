// Renderer entry: the providers (theme, query cache, i18n, notifications) around the lock gate and the app frame.
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/dates/styles.css';
import './app/focus.css';
import 'dayjs/locale/fr';
import { QueryClient } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { AppProviders } from './app/AppProviders';
import { LockGate } from './app/LockGate';
import { initI18n } from './i18n/setup';

const i18n = initI18n();
// Push events keep the cache fresh, so nothing refetches on a timer or on window focus.
const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: Infinity, refetchOnWindowFocus: false, retry: 1 } },
});

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <AppProviders i18n={i18n} queryClient={queryClient}>
      <LockGate>
        <App />
      </LockGate>
    </AppProviders>
  </StrictMode>,
);
