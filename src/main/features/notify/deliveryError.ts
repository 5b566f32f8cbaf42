// Why one send did not go out, worded for the Mobilise screen, and whether trying again can help.
import type { HealthMessage } from '../../../shared/domain/healthMessage';
import { HealthError } from '../../platform/healthError';

export class DeliveryError extends HealthError {
  constructor(
    health: HealthMessage,
    /** Trying again cannot help (a refused address, a wrong login): the next channel is tried instead. */
    readonly permanent: boolean,
    /** The server said when to come back (HTTP 429 Retry-After). */
    readonly retryAfterMs?: number,
  ) {
    super(health);
    this.name = 'DeliveryError';
  }
}

const TLS_CAUSE = /CERT|SELF_SIGNED|self[- ]signed|certificate|UNABLE_TO_VERIFY|ERR_TLS|altnames/i;

/** True for a cause that is the server's certificate (untrusted, expired, wrong name), not the network. */
export function isCertificateCause(cause: string): boolean {
  return TLS_CAUSE.test(cause);
}
