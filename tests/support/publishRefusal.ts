// The PublishError a publishing call ends with; a call that succeeds fails the test.
import { PublishError } from '../../src/main/features/composer/outbox/publisher';
import { rejectionOf } from './rejection';

export const refusal = (call: Promise<unknown>): Promise<PublishError> => rejectionOf(call, PublishError);
