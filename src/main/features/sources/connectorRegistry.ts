// Which connector handles which source kind; connectors register here once when the core starts.
import type { Connector } from './connectors/types';
import { failure } from '../../platform/i18n/failure';

export class ConnectorRegistry {
  readonly #byKind = new Map<string, Connector>();

  register(connector: Connector): this {
    if (this.#byKind.has(connector.kind)) throw new Error(`connector kind ${connector.kind} registered twice`);
    this.#byKind.set(connector.kind, connector);
    return this;
  }

  /** Undefined for push kinds (webhook, manual, file) that have no poller. */
  find(kind: string): Connector | undefined {
    return this.#byKind.get(kind);
  }

  get(kind: string): Connector {
    const connector = this.#byKind.get(kind);
    if (!connector) throw failure('INVALID_INPUT', 'sources.refusals.noConnector', { kind });
    return connector;
  }

  kinds(): string[] {
    return [...this.#byKind.keys()].sort();
  }
}
