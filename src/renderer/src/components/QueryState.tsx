// Uniform loading and error display for a query, with a retry.
import { Alert, Button, Loader, Stack } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../i18n/errorMessage';

export function QueryState<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  const { t } = useTranslation();
  if (query.isPending) return <Loader aria-label={t('app.loading')} />;
  if (query.isError) {
    const error = query.error;
    const message = errorMessage(error, t);
    return (
      <Alert color="red" title={t('app.error', { message: '' })}>
        <Stack gap="xs" align="flex-start">
          {message}
          <Button size="xs" variant="light" onClick={() => void query.refetch()}>
            {t('app.retry')}
          </Button>
        </Stack>
      </Alert>
    );
  }
  return <>{children(query.data)}</>;
}
