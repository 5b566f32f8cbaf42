// Hooks over the `system:*` calls.
import { useQuery } from '@tanstack/react-query';
import { externalUrlAllowed } from '../../../../shared/domain/externalUrl';
import { callApi } from '../client';
import { queryKeys } from '../queryKeys';

export const useSystemInfo = () =>
  useQuery({ queryKey: queryKeys.system, queryFn: () => callApi('system:info', {}), staleTime: Infinity });

/**
 * Opens a link outside the app after the caller has confirmed it with the user. Electron hands it to the
 * OS through the checked main-process call; browser mode opens a new tab with no opener.
 */
export async function openExternal(url: string): Promise<boolean> {
  if (!externalUrlAllowed(url)) return false;
  if (window.api) return (await callApi('system:openExternal', { url })).opened;
  return window.open(url, '_blank', 'noopener,noreferrer') !== null;
}
