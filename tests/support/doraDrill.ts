// An exercise on the bank data-leak script at ×60 (a real second is a game minute) with its incident open, on a
// clock the test moves: for the tests of regulatory clocks in game time.
import type { Core } from '../../src/main/app/createCore';
import { invoke, makeTestCore } from './testCore';

export const DRILL_START = Date.parse('2026-11-21T08:00:00.000Z');
export const drillActor = { author: 'Julien Morel', authorRole: 'legal' };

export interface DoraDrill {
  readonly core: Core;
  readonly exerciseId: string;
  readonly ws: { workspaceId: string };
  readonly incidentId: string;
  /** Real time now, in ms. */
  now(): number;
  advance(ms: number): void;
}

/** Starts the drill on a core over `dir`; the caller closes the core. */
export async function startDoraDrill(dir: string): Promise<DoraDrill> {
  let now = DRILL_START;
  const core = makeTestCore(dir, { clock: { now: () => new Date(now) } });
  try {
    const exercise = await invoke(core, 'exercises:create', { name: 'Drill DORA' });
    const ws = { workspaceId: exercise.id };
    await invoke(core, 'exercises:start', { ...ws, scriptId: 'bank-data-leak', speed: 60 });
    const incident = await invoke(core, 'incidents:open', { ...ws, incident: { title: 'Exercice fuite', scenarioId: null, scenarioKind: 'dataBreach', severity: 'critical', summary: '', actor: drillActor } });
    return { core, exerciseId: exercise.id, ws, incidentId: incident.id, now: () => now, advance: (ms) => void (now += ms) };
  } catch (error) {
    core.close();
    throw error;
  }
}
