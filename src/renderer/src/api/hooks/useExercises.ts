// Hooks over the workspace list and the `exercise:*` calls.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { callApi } from '../client';
import { queryKeys } from '../queryKeys';

export const useWorkspaces = () =>
  useQuery({ queryKey: queryKeys.workspaces, queryFn: () => callApi('workspace:list', {}) });

export function useCreateExercise() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => callApi('exercise:create', { name }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.workspaces }),
  });
}
