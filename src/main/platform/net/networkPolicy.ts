// Decides which outbound requests a workspace may make: nothing when sealed, otherwise only the origins
// that enabled connectors and publishing channels declare. Features register what they need; nobody
// types hosts into an allow-list by hand.
import { healthMessage, type HealthMessage } from '../../../shared/domain/healthMessage';
import type { WorkspaceId } from '../../../shared/domain/workspace';
import { createOutboundGate, type OutboundGate } from './outboundGate';
import { systemResolve, type Resolve } from './resolvedAddress';

export interface AllowedOrigin {
  /** `scheme://host[:port]`, as `URL.origin` gives it (`smtp://host:port` for a mail relay). */
  readonly origin: string;
  /** Why it is allowed, shown in the UI (e.g. `source: Le Temps RSS`, `outbox: Mastodon`). */
  readonly reason: string;
  /**
   * The host name is on the local network on purpose (an on-premises gateway), so it may resolve to a private
   * address. Without it, a name that resolves to a loopback or local-network address is refused.
   */
  readonly localNetwork?: true;
}

export type OriginProvider = (workspaceId: WorkspaceId) => Iterable<AllowedOrigin>;

export interface NetworkPolicyView {
  readonly sealed: boolean;
  readonly allowed: readonly AllowedOrigin[];
}

export class NetworkPolicy {
  readonly #providers: OriginProvider[] = [];
  readonly #gates = new Map<WorkspaceId, OutboundGate>();

  constructor(
    private readonly isSealed: (workspaceId: WorkspaceId) => boolean,
    private readonly options: { readonly resolve?: Resolve } = {},
  ) {}

  /** How host names are resolved for every gate and live connection (tests inject their own). */
  get resolve(): Resolve {
    return this.options.resolve ?? systemResolve;
  }

  /** Called once per feature at start-up (sources, outbox…). */
  addOriginProvider(provider: OriginProvider): void {
    this.#providers.push(provider);
  }

  view(workspaceId: WorkspaceId): NetworkPolicyView {
    const byOrigin = new Map<string, AllowedOrigin>();
    for (const provider of this.#providers) {
      for (const entry of provider(workspaceId)) {
        const origin = originOf(entry.origin);
        if (!origin) continue;
        const known = byOrigin.get(origin);
        if (!known) byOrigin.set(origin, { origin, reason: entry.reason, ...(entry.localNetwork ? { localNetwork: true } : {}) });
        else if (entry.localNetwork && !known.localNetwork) byOrigin.set(origin, { ...known, localNetwork: true });
      }
    }
    const allowed = [...byOrigin.values()].sort((a, b) => a.origin.localeCompare(b.origin));
    return { sealed: this.isSealed(workspaceId), allowed };
  }

  /** Undefined when allowed, otherwise the reason, worded for the source health panel. */
  refusal(workspaceId: WorkspaceId, url: URL): HealthMessage | undefined {
    const { sealed, allowed } = this.view(workspaceId);
    if (sealed) return healthMessage('sealed');
    const origin = originKey(url);
    if (allowed.some((a) => a.origin === origin)) return undefined;
    return healthMessage('notAllowed', { origin });
  }

  /** Whether the allow-list entry of `url`'s origin says the host is on the local network. */
  localNetwork(workspaceId: WorkspaceId, url: URL): boolean {
    const origin = originKey(url);
    return this.view(workspaceId).allowed.some((a) => a.origin === origin && a.localNetwork === true);
  }

  /** The gate every connector and publisher of `workspaceId` must use. */
  gateFor(workspaceId: WorkspaceId): OutboundGate {
    let gate = this.#gates.get(workspaceId);
    if (!gate) {
      gate = createOutboundGate((url) => this.refusal(workspaceId, url), {
        resolve: this.resolve,
        localNetwork: (url) => this.localNetwork(workspaceId, url),
      });
      this.#gates.set(workspaceId, gate);
    }
    return gate;
  }
}

const SCHEMES = new Set(['http:', 'https:', 'smtp:']);

/** `URL.origin`, and the same `scheme://host[:port]` for an SMTP relay, whose scheme URL gives no origin. */
export function originKey(url: URL): string {
  return url.origin !== 'null' ? url.origin : `${url.protocol}//${url.host}`;
}

function originOf(raw: string): string | undefined {
  try {
    const url = new URL(raw);
    return SCHEMES.has(url.protocol) ? originKey(url) : undefined;
  } catch {
    return undefined;
  }
}
