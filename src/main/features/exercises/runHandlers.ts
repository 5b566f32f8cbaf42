// Contract handlers for running exercise scenarios (`exercise:scripts`, `exercise:start`, director controls).
import type { ExerciseDebriefService } from './exerciseDebrief';
import type { ExerciseRunner } from './exerciseRunner';
import type { Handler } from '../../platform/ipc/handlerTypes';

export const exerciseRunHandlers = (
  runner: ExerciseRunner,
  debriefs: ExerciseDebriefService,
): {
  'exercise:scripts': Handler<'exercise:scripts'>;
  'exercise:importScript': Handler<'exercise:importScript'>;
  'exercise:deleteScript': Handler<'exercise:deleteScript'>;
  'exercise:start': Handler<'exercise:start'>;
  'exercise:run': Handler<'exercise:run'>;
  'exercise:control': Handler<'exercise:control'>;
  'exercise:pressure': Handler<'exercise:pressure'>;
  'exercise:debrief': Handler<'exercise:debrief'>;
  'exercise:debriefPdf': Handler<'exercise:debriefPdf'>;
} => ({
  'exercise:scripts': () => runner.scripts(),
  'exercise:importScript': ({ content }) => runner.importScript(content),
  'exercise:deleteScript': ({ scriptId }) => runner.deleteScript(scriptId),
  'exercise:start': ({ workspaceId, scriptId, speed }) => runner.start(workspaceId, scriptId, speed),
  'exercise:run': ({ workspaceId }) => runner.run(workspaceId),
  'exercise:control': ({ workspaceId, control }) => runner.control(workspaceId, control),
  'exercise:pressure': ({ workspaceId, inject }) => runner.pressure(workspaceId, inject),
  'exercise:debrief': ({ workspaceId }) => debriefs.debrief(workspaceId),
  'exercise:debriefPdf': async ({ workspaceId, language }) => {
    const { fileName, pdf } = await debriefs.pdf(workspaceId, language);
    return { fileName, pdfBase64: pdf.toString('base64') };
  },
});
