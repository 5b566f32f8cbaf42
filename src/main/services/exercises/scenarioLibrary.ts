// The scenario scripts shipped in resources/scenarios, bundled into main and validated at load.
import bankDataLeak from '../../../../resources/scenarios/bank-data-leak.json';
import energySiteIncident from '../../../../resources/scenarios/energy-site-incident.json';
import watchmakerViralDefect from '../../../../resources/scenarios/watchmaker-viral-defect.json';
import { AppFailure } from '../../../shared/contract/envelope';
import type { ScriptSummary } from '../../../shared/contract/exerciseRun';
import { scenarioScriptSchema, type ScenarioScript } from '../../../shared/domain/scenarioScript';

export class ScenarioLibrary {
  readonly #scripts: ReadonlyMap<string, ScenarioScript>;

  constructor(raw: readonly unknown[] = [bankDataLeak, watchmakerViralDefect, energySiteIncident]) {
    this.#scripts = new Map(raw.map((entry) => scenarioScriptSchema.parse(entry)).map((script) => [script.id, script]));
  }

  list(): ScriptSummary[] {
    return [...this.#scripts.values()].map((s) => ({
      id: s.id,
      title: s.title,
      description: s.description,
      brand: s.brand,
      planScenario: s.planScenario,
      durationMinutes: s.durationMinutes,
      injectCount: s.injects.length,
    }));
  }

  get(id: string): ScenarioScript {
    const script = this.#scripts.get(id);
    if (!script) throw new AppFailure('NOT_FOUND', `No exercise scenario named ${id}.`);
    return script;
  }
}
