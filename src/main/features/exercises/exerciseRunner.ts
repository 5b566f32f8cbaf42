// Plays scenario scripts in exercise workspaces on an accelerated game clock (×1 to ×60). Mentions go
// through the real ingestion (and so detection); messages land in the players' crisis log. The run is saved
// as it moves; after a restart it comes back paused where it stood, for the director to resume.
import type { ExerciseControl, ExerciseRun, PressureInject, RunInject, ScriptSummary } from '../../../shared/contract/exercises';
import type { NewLogEntry } from '../../../shared/domain/crisisLog';
import type { MentionInput } from '../../../shared/domain/mention';
import { PERSONA_AUTHOR_KIND, type Inject, type ScenarioScript, type WaveInject } from '../../../shared/domain/scenarioScript';
import type { Language, WorkspaceId } from '../../../shared/domain/workspace';
import type { Clock } from '../../platform/clock';
import type { EventBus } from '../../platform/events/eventBus';
import type { ScenarioLibrary } from './scenarioLibrary';
import { waveMinute } from './waveMentions';
import { translator } from '../../platform/i18n/translator';
import { failure } from '../../platform/i18n/failure';

/** A title of an inject Tocsin adds during a run, in both languages like the scripted ones. */
const bothLanguages = (key: string, values: Record<string, string | number>) => ({
  fr: translator('fr')(key, values),
  en: translator('en')(key, values),
});

const MINUTE_MS = 60_000;

const REPLY_TONE = {
  clean: { negative: 0.2, neutral: 0.5, positive: 0.3 },
  flawed: { negative: 0.45, neutral: 0.45, positive: 0.1 },
  poor: { negative: 0.75, neutral: 0.2, positive: 0.05 },
} as const;
/** Real milliseconds between two steps; at ×60 one step is one game minute. */
export const STEP_MS = 1000;

export interface ExerciseRunnerDeps {
  readonly scripts: ScenarioLibrary;
  readonly clock: Clock;
  readonly events: EventBus;
  /** Refuses anything but an exercise workspace: scripted crises never reach live data. */
  readonly assertExercise: (workspaceId: WorkspaceId) => void;
  /** The push source the injects arrive through, and a watch on the brand so charts and detection see them. */
  readonly prepareFeed: (workspaceId: WorkspaceId, brand: string) => number;
  readonly ingest: (workspaceId: WorkspaceId, sourceId: number, mentions: readonly MentionInput[]) => { inserted: number };
  readonly log: (workspaceId: WorkspaceId, entry: NewLogEntry) => void;
  readonly language: (workspaceId: WorkspaceId) => Language;
  readonly schedule: (step: () => void, everyMs: number) => () => void;
  readonly onError: (error: unknown) => void;
  /** Where a run's state is kept between launches (the exercise workspace's own database). */
  readonly saved: {
    load(workspaceId: WorkspaceId): string | null;
    save(workspaceId: WorkspaceId, json: string): void;
  };
}

/** What is saved of a run: everything but its timer. */
interface SavedRun {
  version: 1;
  script: ScenarioScript;
  sourceId: number;
  injects: Inject[];
  fired: Array<[string, number]>;
  pressureIds: string[];
  gameStartMs: number;
  status: ExerciseRun['status'];
  speed: number;
  elapsedMs: number;
  nextMinute: number;
  mentionsInjected: number;
  repliedTo: string[];
  segments: Run['segments'];
}

interface Run {
  readonly workspaceId: WorkspaceId;
  readonly script: ScenarioScript;
  readonly sourceId: number;
  readonly injects: Inject[];
  readonly fired: Map<string, number>;
  readonly pressureIds: Set<string>;
  readonly gameStartMs: number;
  status: ExerciseRun['status'];
  speed: number;
  /** Game ms elapsed at `anchorMs` (real time of the last status or speed change). */
  elapsedMs: number;
  anchorMs: number;
  /** Every wave minute below this one has been played or skipped. */
  nextMinute: number;
  mentionsInjected: number;
  cancel: (() => void) | null;
  /** Statements the public has already reacted to. */
  readonly repliedTo: Set<string>;
  /** How real time mapped to game time, one entry per start, pause, resume, speed change or jump. */
  readonly segments: { realMs: number; elapsedMs: number; speed: number; running: boolean }[];
}

export class ExerciseRunner {
  readonly #runs = new Map<WorkspaceId, Run>();
  /** Workspaces known to hold no saved run, so the game clock of live data does not read storage each time. */
  readonly #nothingSaved = new Set<WorkspaceId>();

  constructor(private readonly deps: ExerciseRunnerDeps) {}

  scripts(): ScriptSummary[] {
    return this.deps.scripts.list();
  }

  importScript(content: string): ScriptSummary {
    return this.deps.scripts.import(content);
  }

  deleteScript(scriptId: string): { deleted: boolean } {
    return this.deps.scripts.remove(scriptId);
  }

  start(workspaceId: WorkspaceId, scriptId: string, speed: number): ExerciseRun {
    this.deps.assertExercise(workspaceId);
    const existing = this.#find(workspaceId);
    if (existing && existing.status !== 'finished') {
      throw failure('CONFLICT', 'exercises.failures.alreadyRunning');
    }
    // Each run owns its copy: the director's pressure personas must not leak into the next run.
    const script = structuredClone(this.deps.scripts.get(scriptId));
    const now = this.deps.clock.now().getTime();
    const run: Run = {
      workspaceId,
      script,
      sourceId: this.deps.prepareFeed(workspaceId, script.brand),
      injects: [...script.injects],
      fired: new Map(),
      pressureIds: new Set(),
      gameStartMs: now,
      status: 'running',
      speed,
      elapsedMs: 0,
      anchorMs: now,
      nextMinute: 0,
      mentionsInjected: 0,
      cancel: null,
      segments: [{ realMs: now, elapsedMs: 0, speed, running: true }],
      repliedTo: new Set(),
    };
    this.#runs.set(workspaceId, run);
    this.#nothingSaved.delete(workspaceId);
    this.#schedule(run);
    this.#step(run);
    return this.#changed(run);
  }

  run(workspaceId: WorkspaceId): ExerciseRun | null {
    const run = this.#find(workspaceId);
    return run ? this.#view(run) : null;
  }

  /** The game clock of an exercise (real time elsewhere), for anything that must see game time. */
  gameNow(workspaceId: WorkspaceId): Date {
    const run = this.#find(workspaceId);
    return run ? new Date(run.gameStartMs + this.#elapsed(run)) : this.deps.clock.now();
  }

  control(workspaceId: WorkspaceId, control: ExerciseControl): ExerciseRun {
    const run = this.#require(workspaceId);
    switch (control.action) {
      case 'pause':
        if (run.status === 'running') {
          this.#fold(run);
          run.status = 'paused';
          run.cancel?.();
          run.cancel = null;
        }
        break;
      case 'resume':
        if (run.status === 'paused') {
          this.#fold(run);
          run.status = 'running';
          this.#schedule(run);
        }
        break;
      case 'speed':
        this.#fold(run);
        run.speed = control.speed;
        break;
      case 'jump': {
        this.#fold(run);
        const minute = Math.min(control.minute, run.script.durationMinutes);
        run.elapsedMs = minute * MINUTE_MS;
        // Jumping forward skips the wave minutes in between; jumping back never replays them.
        run.nextMinute = Math.max(run.nextMinute, Math.floor(minute));
        break;
      }
      case 'fire': {
        const inject = run.injects.find((i) => i.id === control.injectId);
        if (!inject) throw failure('NOT_FOUND', 'exercises.failures.noInject', { id: control.injectId });
        if (run.fired.has(inject.id)) throw failure('CONFLICT', 'exercises.failures.injectFired', { id: inject.id });
        this.#fire(run, inject, this.#gameMinute(run));
        break;
      }
    }
    if (control.action !== 'fire') {
      run.segments.push({ realMs: this.deps.clock.now().getTime(), elapsedMs: run.elapsedMs, speed: run.speed, running: run.status === 'running' });
    }
    this.#step(run);
    return this.#changed(run);
  }

  /** The game minute a real instant fell on (players' actions are stamped in real time). */
  gameMinuteAt(workspaceId: WorkspaceId, realIso: string): number | null {
    const run = this.#find(workspaceId);
    if (!run) return null;
    const t = Date.parse(realIso);
    let segment = run.segments[0];
    for (const candidate of run.segments) if (candidate.realMs <= t) segment = candidate;
    if (!segment || t < segment.realMs) return 0;
    const elapsed = segment.elapsedMs + (segment.running ? (t - segment.realMs) * segment.speed : 0);
    return Math.min(Math.max(0, elapsed), run.script.durationMinutes * MINUTE_MS) / MINUTE_MS;
  }

  pressure(workspaceId: WorkspaceId, input: PressureInject): ExerciseRun {
    const run = this.#require(workspaceId);
    const minute = this.#gameMinute(run);
    const id = `pressure-${run.pressureIds.size + 1}`;
    let inject: Inject;
    if (input.kind === 'post') {
      const persona = { id: `${id}-author`, name: input.author, handle: input.author, kind: input.persona, audience: input.audience, outlet: '' };
      run.script.personas.push(persona);
      inject = {
        id,
        at: minute,
        kind: 'post',
        title: { fr: `Pression : ${input.author}`, en: `Pressure: ${input.author}` },
        persona: persona.id,
        language: input.language,
        text: input.text,
        engagement: {},
      };
    } else {
      const template = [...run.script.injects].filter((i): i is WaveInject => i.kind === 'wave').sort((a, b) => b.tone.negative - a.tone.negative)[0];
      if (!template) throw failure('INVALID_INPUT', 'exercises.failures.noWave');
      inject = {
        ...template,
        id,
        at: Math.floor(minute),
        title: bothLanguages('exercises.runner.pressureWave', { perMinute: input.perMinute }),
        durationMinutes: input.minutes,
        volume: { shape: 'plateau', peakPerMinute: input.perMinute },
      };
    }
    run.injects.push(inject);
    run.pressureIds.add(id);
    if (inject.kind !== 'wave') this.#fire(run, inject, minute);
    this.#step(run);
    return this.#changed(run);
  }

  /**
   * The public answers a published statement: a reply wave two game minutes later whose tone follows the
   * statement's draft check (a clean text calms the crowd, a flagged one feeds it).
   */
  statementPublished(workspaceId: WorkspaceId, statementId: string, draftFlags: number): void {
    const run = this.#find(workspaceId);
    if (!run || run.status === 'finished' || run.repliedTo.has(statementId)) return;
    run.repliedTo.add(statementId);
    const template = [...run.script.injects].filter((i): i is WaveInject => i.kind === 'wave').sort((a, b) => b.tone.negative - a.tone.negative)[0];
    if (!template) return;
    const tone = draftFlags === 0 ? REPLY_TONE.clean : draftFlags <= 2 ? REPLY_TONE.flawed : REPLY_TONE.poor;
    const id = `replies-${run.repliedTo.size}`;
    run.injects.push({
      ...template,
      id,
      at: Math.floor(this.#gameMinute(run)) + 2,
      title: bothLanguages('exercises.runner.reactions', { count: draftFlags }),
      durationMinutes: 25,
      volume: { shape: 'decay', peakPerMinute: Math.max(4, template.volume.peakPerMinute / 3) },
      tone,
    });
    this.#changed(run);
  }

  stopAll(): void {
    for (const run of this.#runs.values()) run.cancel?.();
  }

  #require(workspaceId: WorkspaceId): Run {
    this.deps.assertExercise(workspaceId);
    const run = this.#find(workspaceId);
    if (!run) throw failure('NOT_FOUND', 'exercises.failures.notStarted');
    return run;
  }

  #schedule(run: Run): void {
    run.cancel = this.deps.schedule(() => {
      try {
        if (this.#step(run)) this.#changed(run);
      } catch (error) {
        this.deps.onError(error);
      }
    }, STEP_MS);
  }

  #elapsed(run: Run): number {
    const live = run.status === 'running' ? (this.deps.clock.now().getTime() - run.anchorMs) * run.speed : 0;
    return Math.min(run.elapsedMs + live, run.script.durationMinutes * MINUTE_MS);
  }

  #fold(run: Run): void {
    run.elapsedMs = this.#elapsed(run);
    run.anchorMs = this.deps.clock.now().getTime();
  }

  #gameMinute(run: Run): number {
    return this.#elapsed(run) / MINUTE_MS;
  }

  /** Plays everything due up to the current game time; true when something happened. */
  #step(run: Run): boolean {
    const now = this.#gameMinute(run);
    let changed = false;
    const batch: MentionInput[] = [];
    for (; run.nextMinute < Math.floor(now); run.nextMinute += 1) {
      for (const inject of run.injects) {
        if (inject.kind !== 'wave') continue;
        const mentions = waveMinute(run.script, inject, run.nextMinute, run.gameStartMs);
        if (mentions.length && !run.fired.has(inject.id)) run.fired.set(inject.id, run.nextMinute);
        batch.push(...mentions);
      }
    }
    if (batch.length) {
      run.mentionsInjected += this.deps.ingest(run.workspaceId, run.sourceId, batch).inserted;
      changed = true;
    }
    for (const inject of run.injects) {
      if (inject.kind !== 'wave' && !run.fired.has(inject.id) && inject.at <= now) {
        this.#fire(run, inject, now);
        changed = true;
      }
    }
    if (run.status === 'running' && now >= run.script.durationMinutes) {
      run.status = 'finished';
      run.cancel?.();
      run.cancel = null;
      changed = true;
    }
    return changed;
  }

  #fire(run: Run, inject: Inject, minute: number): void {
    run.fired.set(inject.id, minute);
    const at = new Date(run.gameStartMs + minute * MINUTE_MS).toISOString();
    switch (inject.kind) {
      case 'wave':
        return;
      case 'post': {
        const persona = run.script.personas.find((p) => p.id === inject.persona);
        if (!persona) return;
        const mention: MentionInput = {
          externalId: `${run.script.id}:${inject.id}`,
          author: { handle: persona.handle, displayName: persona.name, audience: persona.audience, kind: PERSONA_AUTHOR_KIND[persona.kind] },
          text: inject.text,
          language: inject.language,
          publishedAt: at,
          engagement: inject.engagement,
          sourceName: persona.outlet || undefined,
        };
        run.mentionsInjected += this.deps.ingest(run.workspaceId, run.sourceId, [mention]).inserted;
        return;
      }
      case 'pressCall':
      case 'internalMessage':
      case 'regulatorInquiry': {
        const language = this.deps.language(run.workspaceId);
        this.deps.log(run.workspaceId, {
          kind: 'information',
          occurredAt: at,
          author: inject.from,
          body: `${inject.title[language]} — ${inject.body[language]}`,
          source: translator(language)('exercises.records.scriptedInject'),
        });
        return;
      }
      case 'directorNote':
        return;
    }
  }

  #changed(run: Run): ExerciseRun {
    this.#save(run);
    this.deps.events.emit('exercises:changed', { workspaceId: run.workspaceId });
    return this.#view(run);
  }

  /** The run in memory, or the one saved before a restart (brought back paused), or none. */
  #find(workspaceId: WorkspaceId): Run | undefined {
    const known = this.#runs.get(workspaceId);
    if (known) return known;
    if (this.#nothingSaved.has(workspaceId)) return undefined;
    let saved: SavedRun | null;
    try {
      const json = this.deps.saved.load(workspaceId);
      saved = json === null ? null : (JSON.parse(json) as SavedRun);
    } catch {
      return undefined;
    }
    if (saved?.version !== 1) {
      this.#nothingSaved.add(workspaceId);
      return undefined;
    }
    const now = this.deps.clock.now().getTime();
    const run: Run = {
      workspaceId,
      script: saved.script,
      sourceId: saved.sourceId,
      injects: saved.injects,
      fired: new Map(saved.fired),
      pressureIds: new Set(saved.pressureIds),
      gameStartMs: saved.gameStartMs,
      status: saved.status === 'running' ? 'paused' : saved.status,
      speed: saved.speed,
      elapsedMs: saved.elapsedMs,
      anchorMs: now,
      nextMinute: saved.nextMinute,
      mentionsInjected: saved.mentionsInjected,
      cancel: null,
      repliedTo: new Set(saved.repliedTo),
      segments: [...saved.segments, { realMs: now, elapsedMs: saved.elapsedMs, speed: saved.speed, running: false }],
    };
    this.#runs.set(workspaceId, run);
    return run;
  }

  #save(run: Run): void {
    const saved: SavedRun = {
      version: 1,
      script: run.script,
      sourceId: run.sourceId,
      injects: run.injects,
      fired: [...run.fired],
      pressureIds: [...run.pressureIds],
      gameStartMs: run.gameStartMs,
      status: run.status,
      speed: run.speed,
      elapsedMs: this.#elapsed(run),
      nextMinute: run.nextMinute,
      mentionsInjected: run.mentionsInjected,
      repliedTo: [...run.repliedTo],
      segments: run.segments,
    };
    try {
      this.deps.saved.save(run.workspaceId, JSON.stringify(saved));
    } catch (error) {
      // The drill goes on in memory; only a restart would lose its clock.
      this.deps.onError(error);
    }
  }

  #view(run: Run): ExerciseRun {
    const injects: RunInject[] = [...run.injects]
      .sort((a, b) => a.at - b.at)
      .map((inject) => ({
        id: inject.id,
        at: inject.at,
        kind: inject.kind,
        title: inject.title,
        body: inject.kind === 'wave' || inject.kind === 'post' ? null : inject.body,
        firedAt: run.fired.get(inject.id) ?? null,
        pressure: run.pressureIds.has(inject.id),
      }));
    return {
      workspaceId: run.workspaceId,
      scriptId: run.script.id,
      title: run.script.title,
      status: run.status,
      speed: run.speed,
      gameMinute: this.#gameMinute(run),
      durationMinutes: run.script.durationMinutes,
      onsetMinute: run.script.onsetMinute,
      expectedAlertWithinMinutes: run.script.expectedAlertWithinMinutes,
      gameStartAt: new Date(run.gameStartMs).toISOString(),
      mentionsInjected: run.mentionsInjected,
      injects,
    };
  }
}
