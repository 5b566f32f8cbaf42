// Hooks over the workspace list and the `exercises:*` calls.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ExerciseControl, ExerciseRun, PressureInject } from '../../../../shared/contract/exercises';
import type { NewLesson } from '../../../../shared/contract/lessons';
import type { Language, WorkspaceId } from '../../../../shared/domain/workspace';
import { callApi } from '../client';
import { queryKeys } from '../queryKeys';

export const useWorkspaces = () =>
  useQuery({ queryKey: queryKeys.workspaces, queryFn: () => callApi('workspaces:list', {}) });

/** When any exercise was last played, for the plan's readiness check. */
export const useLastExercisePlayed = () =>
  useQuery({ queryKey: queryKeys.lastExercisePlayed, queryFn: () => callApi('exercises:lastPlayed', {}) });

export function useCreateExercise() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => callApi('exercises:create', { name }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.workspaces }),
  });
}

export const useExerciseScripts = () =>
  useQuery({ queryKey: ['exerciseScripts'], queryFn: () => callApi('exercises:scripts', {}), staleTime: Infinity });

/** Scenario files of the cell's own: the list is refreshed by the answer, nothing else changes it. */
export function useScenarioFiles() {
  const client = useQueryClient();
  const onSuccess = () => client.invalidateQueries({ queryKey: ['exerciseScripts'] });
  return {
    importFile: useMutation({ mutationFn: (content: string) => callApi('exercises:importScript', { content }), onSuccess }),
    remove: useMutation({ mutationFn: (scriptId: string) => callApi('exercises:deleteScript', { scriptId }), onSuccess }),
  };
}

export const useExerciseRun = (workspaceId: WorkspaceId) =>
  useQuery({ queryKey: queryKeys.exerciseRun(workspaceId), queryFn: () => callApi('exercises:run', { workspaceId }) });

export function useExerciseCommands(workspaceId: WorkspaceId) {
  const client = useQueryClient();
  const onSuccess = (run: ExerciseRun) => client.setQueryData(queryKeys.exerciseRun(workspaceId), run);
  return {
    start: useMutation({
      mutationFn: (input: { scriptId: string; speed: number }) => callApi('exercises:start', { workspaceId, ...input }),
      onSuccess,
    }),
    control: useMutation({
      mutationFn: (control: ExerciseControl) => callApi('exercises:control', { workspaceId, control }),
      onSuccess,
    }),
    pressure: useMutation({
      mutationFn: (inject: PressureInject) => callApi('exercises:pressure', { workspaceId, inject }),
      onSuccess,
    }),
  };
}

export const useExerciseDebrief = (workspaceId: WorkspaceId) =>
  useQuery({
    queryKey: [...queryKeys.exerciseRun(workspaceId), 'debrief'],
    queryFn: () => callApi('exercises:debrief', { workspaceId }),
    // Incidents and statements change it too: read it afresh whenever the panel is shown.
    staleTime: 0,
  });

export const useLessons = (workspaceId: WorkspaceId) =>
  useQuery({ queryKey: queryKeys.lessons(workspaceId), queryFn: () => callApi('lessons:list', { workspaceId }) });

export function useSubmitLesson(workspaceId: WorkspaceId) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (lesson: NewLesson) => callApi('lessons:submit', { workspaceId, lesson }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.lessons(workspaceId) }),
  });
}

export const useDebriefPdf = (workspaceId: WorkspaceId) =>
  useMutation({ mutationFn: (language: Language) => callApi('exercises:debriefPdf', { workspaceId, language }) });
