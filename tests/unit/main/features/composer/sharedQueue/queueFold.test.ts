// How a queue item folds from the cell's operations: whatever order the laptops heard of them in, the fold order
// gives one result; the first flag names the flagger unless the rules flagged the item; a close or a reply counts
// only while the item waits; an answer counts only for the reply that was started; unreadable operations are skipped.
import { describe, expect, it } from 'vitest';
import { foldItem } from '../../../../../../src/main/features/composer/sharedQueue/queueFold';
import { opOrder, type ReceivedOp } from '../../../../../../src/main/platform/sync/sharedOpLog';

const A = 'a'.repeat(32);
const B = 'b'.repeat(32);
let n = 0;
const op = (device: string, ms: number, kind: string, by: string, data: object): ReceivedOp => ({
  id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  key: 'url:https://news.example/1',
  kind,
  device,
  hlc: `${String(ms).padStart(15, '0')}.000000`,
  at: new Date(ms).toISOString(),
  by,
  data: JSON.stringify(data),
  signature: '',
  memberName: device === A ? 'Alice' : 'Bob',
});
const folded = (ops: ReceivedOp[], rules: Parameters<typeof foldItem>[1] = null) => foldItem([...ops].sort(opOrder), rules);

describe('queue item fold', () => {
  const T = Date.UTC(2026, 11, 8, 10);
  const ops = [
    op(B, T + 1, 'flag', 'Bob', { reason: 'journalist' }),
    op(A, T + 2, 'flag', 'Alice', { reason: 'complaint' }),
    op(B, T + 3, 'close', 'Bob', { reason: 'journalist', state: 'offline', note: 'Rappelé' }),
    op(A, T + 3, 'close', 'Alice', { reason: 'complaint', state: 'dismissed', note: 'Hors sujet' }),
    op(A, T + 4, 'assign', '', { reason: 'complaint', role: 'legal' }),
    op(B, T + 5, 'assign', '', { reason: 'journalist', role: 'customerServiceLead' }),
    op(A, T + 6, 'flag', 'Alice', { reason: 'nonsense' }),
  ];

  it('gives one item whatever order the operations arrived in', () => {
    const first = folded(ops);
    for (let i = 0; i < 20; i += 1) expect(folded([...ops].sort(() => Math.random() - 0.5))).toEqual(first);
    // Same clock: the laptop decides (A before B), so A's dismissal is the close that holds.
    expect(first).toMatchObject({ reason: 'journalist', flaggedBy: 'Bob', state: 'dismissed', note: 'Hors sujet', handledBy: 'Alice', assignedRole: 'customerServiceLead' });
  });

  it('keeps the rules as flagger of an item they flagged', () => {
    expect(folded(ops.slice(0, 2), { reason: 'question', flaggedAt: new Date(T).toISOString(), assignedRole: null })).toMatchObject({ reason: 'question', flaggedBy: 'rules', state: 'open' });
  });

  it('answers only the reply that was started, by the member of the laptop that published it', () => {
    const reply = [
      op(A, T + 1, 'reply', 'Camille', { reason: 'question', statementId: 's-1' }),
      op(B, T + 2, 'reply', 'Bob', { reason: 'question', statementId: 's-2' }),
      op(B, T + 3, 'answered', '', { reason: 'question', statementId: 's-2' }),
    ];
    expect(folded(reply)).toMatchObject({ state: 'replying', statementId: 's-1' });
    expect(folded([...reply, op(A, T + 4, 'answered', '', { reason: 'question', statementId: 's-1' })])).toMatchObject({ state: 'answered', statementId: 's-1', handledBy: 'Alice' });
    // A close after the answer changes nothing.
    expect(folded([...reply, op(A, T + 4, 'answered', '', { reason: 'question', statementId: 's-1' }), op(B, T + 5, 'close', 'Bob', { reason: 'question', state: 'dismissed', note: 'x' })])).toMatchObject({ state: 'answered' });
  });

  it('has nothing to fold from unreadable operations', () => {
    expect(folded([op(A, T, 'flag', 'Alice', { reason: 'nonsense' }), op(A, T + 1, 'explode', 'Alice', {})])).toBeNull();
  });
});
