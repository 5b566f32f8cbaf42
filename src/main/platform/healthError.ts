// A failure a person will read: it carries the message for the health and status screens, and its text is that
// message in English for the logs.
import { healthText, type HealthMessage } from '../../shared/domain/healthMessage';

export class HealthError extends Error {
  constructor(
    /** What the screen shows, in the reader's language. */
    readonly health: HealthMessage,
  ) {
    super(healthText(health));
  }
}
