// The exercise scenarios: the scripts shipped in resources/scenarios (bundled into main, validated at load) and
// the ones the cell imported from its own files (kept encrypted in the live workspace).
import bankDataLeak from '../../../../resources/scenarios/bank-data-leak.json';
import energySiteIncident from '../../../../resources/scenarios/energy-site-incident.json';
import insuranceClaimsRefusal from '../../../../resources/scenarios/insurance-claims-refusal.json';
import watchmakerViralDefect from '../../../../resources/scenarios/watchmaker-viral-defect.json';
import type { ScriptSummary } from '../../../shared/contract/exercises';
import { scenarioScriptSchema, type ScenarioScript } from '../../../shared/domain/scenarioScript';
import { parseScenarioFile } from './scenarioFile';
import { failure, issue } from '../../platform/i18n/failure';

export interface CustomScenarioStore {
  list(): unknown[];
  put(id: string, script: ScenarioScript): void;
  delete(id: string): boolean;
}

const SHIPPED: readonly unknown[] = [bankDataLeak, watchmakerViralDefect, energySiteIncident, insuranceClaimsRefusal];

export class ScenarioLibrary {
  readonly #shipped: ReadonlyMap<string, ScenarioScript>;

  constructor(
    raw: readonly unknown[] = SHIPPED,
    private readonly custom?: CustomScenarioStore,
  ) {
    this.#shipped = new Map(raw.map((entry) => scenarioScriptSchema.parse(entry)).map((script) => [script.id, script]));
  }

  list(): ScriptSummary[] {
    return [...[...this.#shipped.values()].map((s) => summary(s, false)), ...this.#custom().map((s) => summary(s, true))];
  }

  get(id: string): ScenarioScript {
    const script = this.#shipped.get(id) ?? this.#custom().find((s) => s.id === id);
    if (!script) throw failure('NOT_FOUND', 'exercises.failures.noScenario', { id });
    return script;
  }

  /** Adds (or replaces) a scenario of the cell's own from a file's content; nothing is kept if it is invalid. */
  import(content: string): ScriptSummary {
    if (!this.custom) throw failure('FORBIDDEN', 'exercises.failures.importNotHere');
    const script = parseScenarioFile(content);
    if (this.#shipped.has(script.id)) {
      throw failure('CONFLICT', 'exercises.failures.shippedId', { id: script.id }, [issue('id', 'exercises.failures.shippedIdIssue')]);
    }
    this.custom.put(script.id, script);
    return summary(script, true);
  }

  remove(id: string): { deleted: boolean } {
    if (this.#shipped.has(id)) throw failure('FORBIDDEN', 'exercises.failures.shippedNotRemovable');
    return { deleted: this.custom?.delete(id) ?? false };
  }

  /** Stored scripts are read again at each use; one a newer version wrote and this one cannot read is skipped. */
  #custom(): ScenarioScript[] {
    return (this.custom?.list() ?? []).flatMap((raw) => {
      const parsed = scenarioScriptSchema.safeParse(raw);
      return parsed.success ? [parsed.data] : [];
    });
  }
}

function summary(s: ScenarioScript, custom: boolean): ScriptSummary {
  return {
    id: s.id,
    title: s.title,
    description: s.description,
    brand: s.brand,
    planScenario: s.planScenario,
    durationMinutes: s.durationMinutes,
    injectCount: s.injects.length,
    custom,
  };
}
