// Decides which outbound requests a workspace may make: nothing when sealed, otherwise only the origins
// that enabled connectors and publishing channels declare. Features register what they need; nobody
// types hosts into an allow-list by hand.
import { healthMessage, type HealthMessage } from '../../../shared/domain/healthMessage';
import type { WorkspaceId } from '../../../shared/domain/workspace';
import { createOutboundGate, type OutboundGate } from './outboundGate';

export interface AllowedOrigin {
  /** `scheme://host[:port]`, as `URL.origin` gives it. */
  readonly origin: string;
  /** Why it is allowed, shown in the UI (e.g. `source: Le Temps RSS`, `outbox: Mastodon`). */
  readonly reason: string;
}

export type OriginProvider = (workspaceId: WorkspaceId) => Iterable<AllowedOrigin>;

export interface NetworkPolicyView {
  readonly sealed: boolean;
  readonly allowed: readonly AllowedOrigin[];
}

export class NetworkPolicy {
  readonly #providers: OriginProvider[] = [];
  readonly #gates = new Map<WorkspaceId, OutboundGate>();

  constructor(private readonly isSealed: (workspaceId: WorkspaceId) => boolean) {}

  /** Called once per feature at start-up (sources, outbox…). */
  addOriginProvider(provider: OriginProvider): void {
    this.#providers.push(provider);
  }

  view(workspaceId: WorkspaceId): NetworkPolicyView {
    const byOrigin = new Map<string, AllowedOrigin>();
    for (const provider of this.#providers) {
      for (const entry of provider(workspaceId)) {
        const origin = originOf(entry.origin);
        if (origin && !byOrigin.has(origin)) byOrigin.set(origin, { origin, reason: entry.reason });
      }
    }
    const allowed = [...byOrigin.values()].sort((a, b) => a.origin.localeCompare(b.origin));
    return { sealed: this.isSealed(workspaceId), allowed };
  }

  /** Undefined when allowed, otherwise the reason, worded for the source health panel. */
  refusal(workspaceId: WorkspaceId, url: URL): HealthMessage | undefined {
    const { sealed, allowed } = this.view(workspaceId);
    if (sealed) return healthMessage('sealed');
    if (allowed.some((a) => a.origin === url.origin)) return undefined;
    return healthMessage('notAllowed', { origin: url.origin });
  }

  /** The gate every connector and publisher of `workspaceId` must use. */
  gateFor(workspaceId: WorkspaceId): OutboundGate {
    let gate = this.#gates.get(workspaceId);
    if (!gate) {
      gate = createOutboundGate((url) => this.refusal(workspaceId, url));
      this.#gates.set(workspaceId, gate);
    }
    return gate;
  }
}

function originOf(raw: string): string | undefined {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}
