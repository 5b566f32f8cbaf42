// Walks the crisis log and names the first thing that does not hold: a record's link against its content
// (keyed, so a recomputed chain is told apart from a genuine one), its place in the sequence, and the head
// against the anchor kept outside the database.
import type { LogBreakReason, LogIntegrity } from '../../../shared/domain/crisisLog';
import { chainMac, GENESIS_HASH, type StoredRecord } from './chainHash';
import type { AnchorRead } from './logAnchor';

export interface ChainSource {
  /** Every record in sequence order. */
  records(): Iterable<StoredRecord>;
  /** The number of the record whose link is `hash`, if any; called once the walk is over. */
  seqOfHash(hash: string): number | undefined;
}

export function verifyChain(source: ChainSource, chainKey: Buffer, anchor: AnchorRead): LogIntegrity {
  const anchored = anchor.state === 'ok' ? anchor.anchor : undefined;
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  /** The first record whose link is not the MAC of its content. */
  let forged: { seq: number; id: string } | undefined;
  let misplaced: StoredRecord | undefined;
  let hashAtAnchor: string | undefined;
  for (const r of source.records()) {
    if (r.seq !== expectedSeq || r.prevHash !== prevHash) {
      misplaced = r;
      // Leaving the loop ends the walk's statement, so seqOfHash can query the database below.
      break;
    }
    if (!forged && chainMac(chainKey, r) !== r.hash) forged = { seq: r.seq, id: r.id };
    if (!forged) checked += 1;
    if (r.seq === anchored?.seq) hashAtAnchor = r.hash;
    prevHash = r.hash;
    expectedSeq += 1;
  }
  const broken = (seq: number, id: string | null, reason: LogBreakReason): LogIntegrity => ({
    ok: false,
    checked,
    headHash: null,
    firstBroken: { seq, id, reason },
  });

  // A changed record whose successors were re-linked moves every later link, the anchored one included;
  // a record changed in place leaves the links, and the anchor, as they were.
  if (forged) {
    const rechained = anchored !== undefined && !misplaced && forged.seq <= anchored.seq && hashAtAnchor !== anchored.hash;
    return broken(forged.seq, forged.id, rechained ? 'rechained' : 'content_changed');
  }
  if (misplaced) {
    if (misplaced.seq !== expectedSeq) return broken(misplaced.seq, misplaced.id, 'sequence_gap');
    const linked = source.seqOfHash(misplaced.prevHash);
    return broken(misplaced.seq, misplaced.id, linked !== undefined && linked > misplaced.seq ? 'reordered' : 'chain_broken');
  }
  const headSeq = expectedSeq - 1;
  if (anchor.state === 'missing') return broken(headSeq, null, 'anchor_missing');
  if (!anchored) return broken(headSeq, null, 'anchor_invalid');
  if (headSeq < anchored.seq) {
    return headSeq === anchored.seq - 1 && prevHash === anchored.prevHash
      ? broken(anchored.seq, null, 'last_record_deleted')
      : broken(headSeq + 1, null, 'truncated');
  }
  // Records past the anchor are the ones appended since it was last written (a crash in between); their
  // links are keyed, so they are as trustworthy as the anchored ones.
  if (anchored.seq > 0 && hashAtAnchor !== anchored.hash) return broken(anchored.seq, null, 'anchor_mismatch');
  return { ok: true, checked, headHash: headSeq === 0 ? null : prevHash, firstBroken: null };
}
