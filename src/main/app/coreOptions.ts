// What a shell hands the core: where the data is, how keys are unlocked, the clock and logger, and its own facts.
import type { Clock } from '../platform/clock';
import type { EventBus } from '../platform/events/eventBus';
import type { Logger } from '../platform/logger';
import type { KeyRing } from '../platform/security/keyRing';
import type { Resolve } from '../platform/net/resolvedAddress';
import type { CellTuning } from '../features/cell';
import type { ComposerTuning } from '../features/composer';
import type { NotifyOptions } from '../features/notify';
import type { CellSourcesTuning } from '../features/sources';
import type { FirstPlan } from '../features/plan';
import type { ShellFacts } from '../features/system';

export interface CoreOptions {
  readonly dataDir: string;
  /** The shell's bus when it already pushes events (e.g. while the data was locked); a new one otherwise. */
  readonly events?: EventBus;
  readonly keyRing: KeyRing;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly shell: ShellFacts;
  readonly checkOutput?: boolean;
  /** Outbox timing (short backoff and timeouts in tests); the defaults suit real networks. */
  readonly composerTuning?: ComposerTuning;
  /** Start (or resume) the demo watch fed by a looping scenario; only `npm start` turns it on (TOCSIN_DEMO). */
  readonly demo?: boolean;
  /** Host-name resolution for every outbound connection (tests make names resolve where they need). */
  readonly resolve?: Resolve;
  /** Alert delivery timing (no background passes, short timeouts in tests); the defaults suit real relays. */
  readonly notify?: NotifyOptions;
  /**
   * How a fresh live workspace gets its plan: `ask` (the shells; TOCSIN_FIRST_PLAN=sample skips the question) seeds
   * an empty plan and asks whether to take the sample instead; `sample` (the default, for tests) takes the sample.
   */
  readonly firstPlan?: FirstPlan;
  /** Cell sync timing (quick redials in tests); the defaults suit a LAN. */
  readonly cellTuning?: Partial<CellTuning>;
  /** How long a source's owner laptop may be away before another laptop of the cell polls it (10 minutes by default). */
  readonly cellSources?: Partial<CellSourcesTuning>;
  /** A headless relay of the cell (`npm run relay`): it joins, keeps and passes on every member's documents. */
  readonly relay?: boolean;
}
