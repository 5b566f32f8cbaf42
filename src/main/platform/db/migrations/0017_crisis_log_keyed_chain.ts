// The crisis log chain becomes keyed: each link is an HMAC under a key derived from the workspace secret
// (held by the key ring, never in the database), so nobody holding the database alone can re-chain it.
// The existing records are re-chained and the switch is recorded in the log itself.
import { AppFailure } from '../../../../shared/contract/envelope';
import type { Migration } from './types';

export const migration0017: Migration = {
  version: 17,
  name: 'crisis_log_keyed_chain',
  sql: '',
  run: (db, hooks) => {
    if (hooks.keyCrisisLogChain) return hooks.keyCrisisLogChain(db);
    const { n } = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM crisis_log').get() ?? { n: 0 };
    if (n > 0) {
      throw new AppFailure('UNAVAILABLE', 'This crisis log must be re-chained under its workspace key: open the workspace through the key ring.');
    }
  },
};
