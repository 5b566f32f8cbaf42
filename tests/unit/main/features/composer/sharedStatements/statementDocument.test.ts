// An approval shared in the cell is bound to the exact content it approved and to the approver's device key: an
// approval of other words, or signed by another key, does not hold and never counts; an edit makes every earlier
// approval stale; the laptop that publishes is the same whichever order its claims arrived in.
import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { approvalStatus } from '../../../../../../src/main/features/composer/approvalState';
import { contentHash } from '../../../../../../src/main/features/composer/contentHash';
import type { DecisionRow } from '../../../../../../src/main/features/composer/statementRepository';
import { claimsInLine, decisionHolds, resultHolds, signClaim, signDecision, signResult, turnOf, winningClaim, type SharedDecision } from '../../../../../../src/main/features/composer/sharedStatements/statementDocument';

const DEVICE = 'a'.repeat(32);
const STATEMENT = randomUUID();
const laptop = generateKeyPairSync('ed25519');
const publicKeyPem = laptop.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const signer = (key = laptop.privateKey) => (data: Buffer) => sign(null, data, key);

const content = { title: 'Paiements', textFr: 'Le paiement par carte est interrompu.', textEn: '', channels: ['mastodon' as const], variants: {} };
const hash = contentHash(content);
const decision = (over: Partial<Omit<SharedDecision, 'signature'>> = {}, key = laptop.privateKey): SharedDecision =>
  signDecision(
    STATEMENT,
    { id: randomUUID(), device: DEVICE, decision: 'approved', person: 'Bob', role: 'legal', reason: null, contentHash: hash, snapshot: JSON.stringify(content), at: '2026-12-07T10:00:00.000Z', ...over },
    signer(key),
  );

describe('approvals bound to the text', () => {
  it('holds for the approver laptop’s signature over the content whose hash it names', () => {
    expect(decisionHolds(STATEMENT, decision(), publicKeyPem)).toBe(true);
  });

  it('does not hold when signed by another key, or for another statement, or without a known key', () => {
    expect(decisionHolds(STATEMENT, decision({}, generateKeyPairSync('ed25519').privateKey), publicKeyPem)).toBe(false);
    expect(decisionHolds(randomUUID(), decision(), publicKeyPem)).toBe(false);
    expect(decisionHolds(STATEMENT, decision(), undefined)).toBe(false);
  });

  it('does not hold once any signed field is changed after signing', () => {
    const d = decision();
    expect(decisionHolds(STATEMENT, { ...d, contentHash: contentHash({ ...content, textFr: `${content.textFr} !` }) }, publicKeyPem)).toBe(false);
    expect(decisionHolds(STATEMENT, { ...d, role: 'crisisLead' }, publicKeyPem)).toBe(false);
    expect(decisionHolds(STATEMENT, { ...d, signature: 'not base64 at all' }, publicKeyPem)).toBe(false);
  });

  it('does not hold when the hash signed is not the hash of the content it carries', () => {
    const other = { ...content, textFr: 'Tout va bien.' };
    expect(decisionHolds(STATEMENT, decision({ snapshot: JSON.stringify(other) }), publicKeyPem)).toBe(false);
    expect(decisionHolds(STATEMENT, decision({ snapshot: '{not json' }), publicKeyPem)).toBe(false);
  });

  it('counts only genuine approvals of the current text', () => {
    const row = (role: string, over: Partial<DecisionRow> = {}): DecisionRow => ({
      seq: 0,
      statementId: STATEMENT,
      decision: 'approved',
      person: role,
      role,
      reason: null,
      contentHash: hash,
      snapshotJson: JSON.stringify(content),
      decidedAt: '2026-12-07T10:00:00.000Z',
      decisionId: randomUUID(),
      deviceId: DEVICE,
      genuine: 1,
      ...over,
    });
    const roles = ['crisisLead', 'legal'];
    expect(approvalStatus([row('crisisLead'), row('legal')], hash, roles).state).toBe('approved');
    expect(approvalStatus([row('crisisLead'), row('legal', { genuine: 0 })], hash, roles)).toMatchObject({ state: 'partially_approved', approvedRoles: ['crisisLead'] });
    const edited = contentHash({ ...content, textFr: `${content.textFr} Prochain point à 14 h.` });
    expect(approvalStatus([row('crisisLead'), row('legal')], edited, roles)).toMatchObject({ state: 'draft', approvedRoles: [] });
    // A forged approval is not the base of the "changed since" view either.
    expect(approvalStatus([row('crisisLead'), row('legal', { genuine: 0, contentHash: 'f'.repeat(64) })], hash, roles).lastApproval?.role).toBe('crisisLead');
  });
});

describe('publish claims', () => {
  const claim = (device: string, hlc: string, claimHash = hash) =>
    signClaim(STATEMENT, { id: randomUUID(), device, contentHash: claimHash, hlc, person: device, at: '2026-12-07T10:00:00.000Z' }, signer());

  it('picks the same claim whatever order the claims arrived in: earliest by clock, then laptop', () => {
    const claims = [claim('c'.repeat(32), '000001765101000.000000'), claim('b'.repeat(32), '000001765100000.000003'), claim('a'.repeat(32), '000001765100000.000003')];
    for (const order of [claims, [...claims].reverse(), [claims[1]!, claims[0]!, claims[2]!]]) {
      expect(winningClaim(order, hash)?.device).toBe('a'.repeat(32));
    }
  });

  it('ignores claims made for a text that was edited since', () => {
    const old = claim('a'.repeat(32), '000001765100000.000000', 'e'.repeat(64));
    const current = claim('b'.repeat(32), '000001765109000.000000');
    expect(winningClaim([old, current], hash)?.device).toBe('b'.repeat(32));
    expect(winningClaim([old], hash)).toBeUndefined();
  });
  it('gives each next claim in line its turn one lease after the one before, counted from the first claim', () => {
    const line = claimsInLine([claim('b'.repeat(32), '000001765100000.000002'), claim('a'.repeat(32), '000001765100000.000001'), claim('c'.repeat(32), '000001765100000.000003')], hash);
    const first = Date.parse('2026-12-07T10:00:00.000Z');
    expect(line.map((c) => c.device[0])).toEqual(['a', 'b', 'c']);
    expect([0, 1, 2].map((place) => turnOf(line, place, 60_000) - first)).toEqual([0, 60_000, 120_000]);
    expect(turnOf([], 0, 60_000)).toBe(Number.POSITIVE_INFINITY);
  });

  it('counts a published result only when signed by the laptop it names, on the values it carries', () => {
    const result = signResult(STATEMENT, { id: randomUUID(), device: DEVICE, contentHash: hash, channel: 'mastodon', language: 'fr', url: 'https://social.example/@cell/1', at: '2026-12-07T10:01:00.000Z' }, signer());
    expect(resultHolds(STATEMENT, result, publicKeyPem)).toBe(true);
    expect(resultHolds(STATEMENT, { ...result, url: 'https://evil.example/@cell/1' }, publicKeyPem)).toBe(false);
    expect(resultHolds(STATEMENT, result, undefined)).toBe(false);
  });
});
