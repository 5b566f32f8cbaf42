// Hooks over the `plan:*` calls.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CrisisPlan } from '../../../../shared/domain/plan';
import type { Language, WorkspaceId } from '../../../../shared/domain/workspace';
import { callApi } from '../client';
import { queryKeys } from '../queryKeys';

export const usePlan = (workspaceId: WorkspaceId) =>
  useQuery({ queryKey: queryKeys.plan(workspaceId), queryFn: () => callApi('plan:get', { workspaceId }) });

export const usePlanHistory = (workspaceId: WorkspaceId) =>
  useQuery({
    queryKey: [...queryKeys.plan(workspaceId), 'history'],
    queryFn: () => callApi('plan:history', { workspaceId }),
  });

/** Under the plan's key, so a `plan:changed` push refreshes it too. */
export const usePlanRefusals = (workspaceId: WorkspaceId) =>
  useQuery({
    queryKey: [...queryKeys.plan(workspaceId), 'refusals'],
    queryFn: () => callApi('plan:refusals', { workspaceId }),
  });

export function useSavePlan(workspaceId: WorkspaceId) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { baseRevision: number; plan: CrisisPlan }) => callApi('plan:save', { workspaceId, ...input }),
    onSuccess: (stored) => client.setQueryData(queryKeys.plan(workspaceId), stored),
  });
}

export function useImportPlan(workspaceId: WorkspaceId) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (content: string) => callApi('plan:import', { workspaceId, content }),
    onSuccess: (stored) => client.setQueryData(queryKeys.plan(workspaceId), stored),
  });
}

export const useExportPlan = (workspaceId: WorkspaceId) =>
  useMutation({ mutationFn: () => callApi('plan:export', { workspaceId }) });

export const usePaperKit = (workspaceId: WorkspaceId) =>
  useMutation({ mutationFn: (language: Language) => callApi('plan:paperKit', { workspaceId, language }) });

/** Under the plan's key, so a `plan:changed` push refreshes it too. */
export const usePlanFirstStart = (workspaceId: WorkspaceId) =>
  useQuery({ queryKey: [...queryKeys.plan(workspaceId), 'firstStart'], queryFn: () => callApi('plan:firstStart', { workspaceId }) });

export function useChooseFirstPlan(workspaceId: WorkspaceId) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { choice: 'sample' | 'empty'; organisation?: string }) => callApi('plan:chooseFirst', { workspaceId, ...input }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.plan(workspaceId) }),
  });
}

/** A role's name in the interface language: the shipped roles' from the catalogue, the cell's own from the plan. */
export function useRoleName(workspaceId: WorkspaceId): (roleId: string) => string {
  const { t, i18n } = useTranslation();
  const plan = usePlan(workspaceId).data?.plan;
  const language = i18n.language === 'fr' ? 'fr' : 'en';
  return (roleId) =>
    i18n.exists(`incidents.roles.${roleId}`) ? t(`incidents.roles.${roleId}`) : (plan?.roles.find((role) => role.id === roleId)?.name[language] ?? roleId);
}
