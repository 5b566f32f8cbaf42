// What travels between the cell's laptops about a mobilisation: the mobilising laptop's record of who is asked (each
// call naming the roster person and, when a member picked that person in their profile, their laptop), and each
// asked laptop's acknowledgement. Both are signed by their author laptop's Ed25519 device key and trusted only once
// the signature holds against that member's key; an acknowledgement counts only from the laptop its call names.
import { z } from 'zod';
import { deviceSignatureHolds } from '../../../platform/sync/deviceSignature';

const deviceSchema = z.string().regex(/^[0-9a-f]{32}$/);
const textSchema = z.string().max(300);

export const mobilisationCallRecordSchema = z.object({
  roleId: z.string().max(80),
  roleName: z.object({ fr: textSchema, en: textSchema }),
  personName: textSchema,
  /** The member's laptop that answers for this person; null when no member picked them. */
  device: deviceSchema.nullable(),
});
export type MobilisationCallRecord = z.infer<typeof mobilisationCallRecordSchema>;

export const mobilisationRecordSchema = z.object({
  id: z.uuid(),
  incidentId: z.uuid(),
  title: textSchema,
  level: z.enum(['vigilance', 'alert', 'crisis']),
  startedAt: z.iso.datetime(),
  /** The mobilising laptop. */
  device: deviceSchema,
  calls: z.array(mobilisationCallRecordSchema).max(100),
  signature: z.string().max(200),
});
export type MobilisationRecord = z.infer<typeof mobilisationRecordSchema>;

export const acknowledgementRecordSchema = z.object({
  mobilisationId: z.uuid(),
  roleId: z.string().max(80),
  /** The acknowledging laptop. */
  device: deviceSchema,
  acknowledgedAt: z.iso.datetime(),
  signature: z.string().max(200),
});
export type AcknowledgementRecord = z.infer<typeof acknowledgementRecordSchema>;

/** One laptop's mobilisation document: what it mobilised, and what it acknowledged, keyed so nothing collides. */
export interface MobilisationDocument {
  mobilisations: Record<string, MobilisationRecord>;
  acknowledgements: Record<string, AcknowledgementRecord>;
}

export const acknowledgementKey = (mobilisationId: string, roleId: string): string => `${mobilisationId}:${roleId}`;

const mobilisationBytes = (m: Omit<MobilisationRecord, 'signature'>): Buffer =>
  Buffer.from(
    JSON.stringify([
      'tocsin-mobilisation-v1',
      m.id,
      m.incidentId,
      m.title,
      m.level,
      m.startedAt,
      m.device,
      m.calls.map((c) => [c.roleId, c.roleName.fr, c.roleName.en, c.personName, c.device]),
    ]),
    'utf8',
  );

const acknowledgementBytes = (a: Omit<AcknowledgementRecord, 'signature'>): Buffer =>
  Buffer.from(JSON.stringify(['tocsin-acknowledgement-v1', a.mobilisationId, a.roleId, a.device, a.acknowledgedAt]), 'utf8');

type Signer = (data: Buffer) => Buffer;

export const signMobilisation = (m: Omit<MobilisationRecord, 'signature'>, signer: Signer): MobilisationRecord => ({
  ...m,
  signature: signer(mobilisationBytes(m)).toString('base64'),
});

export const signAcknowledgement = (a: Omit<AcknowledgementRecord, 'signature'>, signer: Signer): AcknowledgementRecord => ({
  ...a,
  signature: signer(acknowledgementBytes(a)).toString('base64'),
});

export const mobilisationHolds = (m: MobilisationRecord, publicKeyPem: string | undefined): boolean =>
  deviceSignatureHolds(mobilisationBytes(m), m.signature, publicKeyPem);

/**
 * Whether an acknowledgement is genuine for `mobilisation`: signed by the laptop it claims, and that laptop is the
 * one the call for its role names (a member cannot acknowledge for someone else).
 */
export function acknowledgementHolds(a: AcknowledgementRecord, mobilisation: MobilisationRecord, publicKeyPem: string | undefined): boolean {
  if (a.mobilisationId !== mobilisation.id) return false;
  const call = mobilisation.calls.find((c) => c.roleId === a.roleId);
  return call?.device === a.device && deviceSignatureHolds(acknowledgementBytes(a), a.signature, publicKeyPem);
}

/** The laptop that answers for a roster person: the member who picked that person's name (case and spaces aside). */
export function deviceOfPerson(personName: string, members: readonly { deviceId: string; person: string | null }[]): string | null {
  const wanted = normalise(personName);
  const found = members.filter((m) => m.person !== null && normalise(m.person) === wanted);
  // Two laptops claiming the same person answer for nobody: the choice would be arbitrary.
  return found.length === 1 ? found[0]!.deviceId : null;
}

const normalise = (name: string): string => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('fr');
