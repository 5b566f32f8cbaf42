// The listening pipeline a connector test drives: an in-memory workspace, ingestion, an event bus that records what
// it carried, and a source scheduler over the real outbound gate, on a clock the test moves (or the wall clock).
import { ConnectorRegistry } from '../../src/main/features/sources/connectorRegistry';
import type { Connector } from '../../src/main/features/sources/connectors/types';
import { SourceRepository } from '../../src/main/features/sources/sourceRepository';
import { SourceScheduler } from '../../src/main/features/sources/sourceScheduler';
import { sourceLanguageEnricher } from '../../src/main/features/mentions/enricher';
import { IngestService } from '../../src/main/features/mentions/ingestService';
import type { Clock } from '../../src/main/platform/clock';
import { EventBus } from '../../src/main/platform/events/eventBus';
import { silentLogger } from '../../src/main/platform/logger';
import { createOutboundGate } from '../../src/main/platform/net/outboundGate';
import { listenDb, type ListenDb } from './listenDb';

export const FIXTURE_START = '2026-03-10T12:00:00.000Z';

export interface IngestFixture extends ListenDb {
  readonly clock: Clock;
  readonly ingest: IngestService;
  readonly repo: SourceRepository;
  /** Mentions stored so far. */
  count(): number;
  /** Moves the test clock forward (no effect on the wall clock). */
  advance(ms: number): Date;
  now(): Date;
  nowIso(): string;
}

/** Ingestion into an in-memory workspace; `wallClock` for tests whose servers stamp real time. */
export function ingestFixture({ wallClock = false }: { wallClock?: boolean } = {}): IngestFixture {
  const t = listenDb();
  let now = new Date(FIXTURE_START);
  const clock: Clock = wallClock ? { now: () => new Date() } : { now: () => now };
  return {
    ...t,
    clock,
    ingest: new IngestService({ workspaces: t.lookup, enricher: sourceLanguageEnricher, clock }),
    repo: new SourceRepository(t.db),
    count: () => t.db.prepare('SELECT count(*) FROM mentions').pluck().get() as number,
    advance: (ms) => (now = new Date(now.getTime() + ms)),
    now: () => clock.now(),
    nowIso: () => clock.now().toISOString(),
  };
}

export interface SchedulerFixture extends IngestFixture {
  readonly events: EventBus;
  /** Names of the events published, in order. */
  readonly seen: string[];
  readonly scheduler: SourceScheduler;
}

export interface SchedulerFixtureOptions {
  readonly wallClock?: boolean;
  /** The scheduler's jitter source; fixed by default so due times are exact. */
  readonly random?: () => number;
}

export function schedulerFixture(connector: Connector, { wallClock, random = () => 0.5 }: SchedulerFixtureOptions = {}): SchedulerFixture {
  const t = ingestFixture({ wallClock });
  const events = new EventBus();
  const seen: string[] = [];
  events.subscribe((name) => seen.push(name));
  const scheduler = new SourceScheduler({
    workspaces: t.lookup,
    registry: new ConnectorRegistry().register(connector),
    ingest: t.ingest,
    gateFor: () => createOutboundGate(),
    clock: t.clock,
    events,
    logger: silentLogger,
    random,
  });
  return { ...t, events, seen, scheduler };
}
