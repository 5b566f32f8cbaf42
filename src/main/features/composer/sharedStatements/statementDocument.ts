// A statement as the cell shares it: one Automerge document per statement, whose FR and EN texts (and title) are
// Automerge text that every laptop edits, so concurrent edits merge; the approval decisions, each signed by the
// approver's laptop over the SHA-256 of the exact content it approved (with that content, so the hash can be
// checked); and the publish claims, signed too, of which one is chosen the same way on every laptop.
import { z } from 'zod';
import { deviceSignatureHolds } from '../../../platform/sync/deviceSignature';
import { statementContentSchema, statementKindSchema } from '../../../../shared/domain/statement';
import { contentHash } from '../contentHash';

const device = z.string().regex(/^[0-9a-f]{32}$/);
const hash = z.string().regex(/^[0-9a-f]{64}$/);

export const sharedDecisionSchema = z.object({
  id: z.uuid(),
  device,
  decision: z.enum(['approved', 'rejected']),
  person: z.string().max(120),
  role: z.string().max(80),
  reason: z.string().max(5_000).nullable(),
  contentHash: hash,
  /** The content approved, as JSON: its hash must be `contentHash`. */
  snapshot: z.string().max(400_000),
  at: z.iso.datetime(),
  signature: z.string().max(200),
});
export type SharedDecision = z.infer<typeof sharedDecisionSchema>;

export const publishClaimSchema = z.object({
  id: z.uuid(),
  device,
  contentHash: hash,
  hlc: z.string().regex(/^\d{15}\.\d{6}$/),
  person: z.string().max(120),
  at: z.iso.datetime(),
  signature: z.string().max(200),
});
export type PublishClaim = z.infer<typeof publishClaimSchema>;

/** What a laptop's outbox posted for a claimed content: the cell learns from it that the statement is out, and where. */
export const publishResultSchema = z.object({
  id: z.uuid(),
  device,
  contentHash: hash,
  channel: z.string().max(40),
  language: z.string().max(10),
  url: z.url({ protocol: /^https?$/ }).max(2000).nullable(),
  at: z.iso.datetime(),
  signature: z.string().max(200),
});
export type PublishResult = z.infer<typeof publishResultSchema>;

/** What a statement document holds beyond its texts: fixed at creation, then the decisions and claims by id. */
export const statementHeaderSchema = z.object({
  id: z.uuid(),
  incidentId: z.string().min(1).max(200),
  kind: statementKindSchema,
  templateId: z.string().max(200).nullable(),
  replyToMentionId: z.string().max(200).nullable(),
  createdBy: z.string().max(200),
  createdAt: z.iso.datetime(),
});

export interface StatementDocument {
  id: string;
  incidentId: string;
  kind: string;
  templateId: string | null;
  replyToMentionId: string | null;
  createdBy: string;
  createdAt: string;
  title: string;
  textFr: string;
  textEn: string;
  /** JSON text, replaced whole (last writer wins): channels and variants are picked, not typed together. */
  channels: string;
  variants: string;
  decisions: Record<string, SharedDecision>;
  claims: Record<string, PublishClaim>;
  /** Absent in documents made before results were shared. */
  results?: Record<string, PublishResult>;
}

/** Which statement documents a laptop made, by statement id: the others find them there. */
export interface StatementIndexDocument {
  statements: Record<string, string>;
}

const decisionBytes = (d: Omit<SharedDecision, 'signature'>, statementId: string): Buffer =>
  Buffer.from(JSON.stringify(['tocsin-statement-decision-v1', statementId, d.id, d.device, d.decision, d.person, d.role, d.reason, d.contentHash, d.snapshot, d.at]), 'utf8');

const claimBytes = (c: Omit<PublishClaim, 'signature'>, statementId: string): Buffer =>
  Buffer.from(JSON.stringify(['tocsin-statement-publish-claim-v1', statementId, c.id, c.device, c.contentHash, c.hlc, c.person, c.at]), 'utf8');

const resultBytes = (r: Omit<PublishResult, 'signature'>, statementId: string): Buffer =>
  Buffer.from(JSON.stringify(['tocsin-statement-publish-result-v1', statementId, r.id, r.device, r.contentHash, r.channel, r.language, r.url, r.at]), 'utf8');

export const signResult = (statementId: string, r: Omit<PublishResult, 'signature'>, signer: (data: Buffer) => Buffer): PublishResult => ({
  ...r,
  signature: signer(resultBytes(r, statementId)).toString('base64'),
});

export const resultHolds = (statementId: string, r: PublishResult, publicKeyPem: string | undefined): boolean =>
  deviceSignatureHolds(resultBytes(r, statementId), r.signature, publicKeyPem);

export const signDecision = (statementId: string, d: Omit<SharedDecision, 'signature'>, signer: (data: Buffer) => Buffer): SharedDecision => ({
  ...d,
  signature: signer(decisionBytes(d, statementId)).toString('base64'),
});

export const signClaim = (statementId: string, c: Omit<PublishClaim, 'signature'>, signer: (data: Buffer) => Buffer): PublishClaim => ({
  ...c,
  signature: signer(claimBytes(c, statementId)).toString('base64'),
});

/**
 * Whether a decision is the word of the laptop it names, on the content it says: its signature holds against that
 * laptop's key, and its snapshot is content whose hash is the one approved.
 */
export function decisionHolds(statementId: string, d: SharedDecision, publicKeyPem: string | undefined): boolean {
  if (!deviceSignatureHolds(decisionBytes(d, statementId), d.signature, publicKeyPem)) return false;
  try {
    const snapshot = statementContentSchema.safeParse(JSON.parse(d.snapshot));
    return snapshot.success && contentHash(snapshot.data) === d.contentHash;
  } catch {
    return false;
  }
}

export const claimHolds = (statementId: string, c: PublishClaim, publicKeyPem: string | undefined): boolean =>
  deviceSignatureHolds(claimBytes(c, statementId), c.signature, publicKeyPem);

/**
 * The claim that publishes this content: the earliest genuine one by hybrid clock, then laptop, then id. Every
 * laptop that has seen the same claims picks the same one.
 */
export function winningClaim(claims: readonly PublishClaim[], currentHash: string): PublishClaim | undefined {
  return claimsInLine(claims, currentHash)[0];
}

/** The claims on this content in the order every laptop gives them: the first publishes, the next take over. */
export function claimsInLine(claims: readonly PublishClaim[], currentHash: string): PublishClaim[] {
  return claims
    .filter((c) => c.contentHash === currentHash)
    .sort((a, b) => (a.hlc !== b.hlc ? (a.hlc < b.hlc ? -1 : 1) : a.device !== b.device ? (a.device < b.device ? -1 : 1) : a.id < b.id ? -1 : 1));
}

/**
 * When the claim at `place` in line may publish, if nothing has been published by then: the first claim at once,
 * each next one a lease later than the one before, counted from the first claim's time. So a laptop that claimed
 * and then died for good holds the statement back for one lease only, and the laptops in line agree on who takes
 * over without talking to each other. Two laptops may both end up posting (the first came back late): the
 * outbox's idempotency key and its look at the account's statuses keep it to one post.
 */
export function turnOf(line: readonly PublishClaim[], place: number, leaseMs: number): number {
  const first = line[0];
  return first ? Date.parse(first.at) + place * leaseMs : Number.POSITIVE_INFINITY;
}
