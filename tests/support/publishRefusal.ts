// The PublishError a publishing call ends with; a call that succeeds fails the test.
import { PublishError } from '../../src/main/features/composer/outbox/publisher';

export async function refusal(call: Promise<unknown>): Promise<PublishError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof PublishError) return error;
    throw error;
  }
  throw new Error('expected the call to be refused');
}
