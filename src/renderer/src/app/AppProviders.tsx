// Everything the screens expect around them: i18n, the Mantine theme, localised date pickers, notifications,
// the query cache and the window's workspace. The entry point and the component tests mount the same tree.
import { localStorageColorSchemeManager, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { LIVE_WORKSPACE_ID } from '../../../shared/domain/workspace';
import { LocalisedDates } from './LocalisedDates';
import { theme } from './theme';
import { WorkspaceProvider } from './WorkspaceContext';

export function AppProviders({ i18n, queryClient, children }: { i18n: I18n; queryClient: QueryClient; children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider
        theme={theme}
        defaultColorScheme="dark"
        colorSchemeManager={localStorageColorSchemeManager({ key: 'tocsin.colorScheme' })}
      >
        <LocalisedDates>
          <Notifications position="top-right" />
          <QueryClientProvider client={queryClient}>
            <WorkspaceProvider id={LIVE_WORKSPACE_ID}>{children}</WorkspaceProvider>
          </QueryClientProvider>
        </LocalisedDates>
      </MantineProvider>
    </I18nextProvider>
  );
}
