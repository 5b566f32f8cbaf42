// Contract handlers for running exercise scenarios (`exercises:scripts`, `exercises:start`, director controls).
import type { ExerciseDebriefService } from './exerciseDebrief';
import type { ExerciseRunner } from './exerciseRunner';
import type { Handler } from '../../platform/ipc/handlerTypes';

export const exerciseRunHandlers = (
  runner: ExerciseRunner,
  debriefs: ExerciseDebriefService,
): {
  'exercises:scripts': Handler<'exercises:scripts'>;
  'exercises:importScript': Handler<'exercises:importScript'>;
  'exercises:deleteScript': Handler<'exercises:deleteScript'>;
  'exercises:start': Handler<'exercises:start'>;
  'exercises:run': Handler<'exercises:run'>;
  'exercises:control': Handler<'exercises:control'>;
  'exercises:pressure': Handler<'exercises:pressure'>;
  'exercises:debrief': Handler<'exercises:debrief'>;
  'exercises:debriefPdf': Handler<'exercises:debriefPdf'>;
} => ({
  'exercises:scripts': () => runner.scripts(),
  'exercises:importScript': ({ content }) => runner.importScript(content),
  'exercises:deleteScript': ({ scriptId }) => runner.deleteScript(scriptId),
  'exercises:start': ({ workspaceId, scriptId, speed }) => runner.start(workspaceId, scriptId, speed),
  'exercises:run': ({ workspaceId }) => runner.run(workspaceId),
  'exercises:control': ({ workspaceId, control }) => runner.control(workspaceId, control),
  'exercises:pressure': ({ workspaceId, inject }) => runner.pressure(workspaceId, inject),
  'exercises:debrief': ({ workspaceId }) => debriefs.debrief(workspaceId),
  'exercises:debriefPdf': async ({ workspaceId, language }) => {
    const { fileName, pdf } = await debriefs.pdf(workspaceId, language);
    return { fileName, pdfBase64: pdf.toString('base64') };
  },
});
