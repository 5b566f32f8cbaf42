// A change to an incident as it travels between the cell's laptops: which incident, what changed (the opening
// carries the whole incident as its laptop saw it), who made it, when (wall clock and hybrid logical clock), and
// the author laptop's Ed25519 signature over all of it. Nothing of it is trusted until the signature holds against
// the member's key.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { deviceSignatureHolds } from '../../../platform/sync/deviceSignature';
import { checklistStatusSchema, incidentStatusSchema } from '../../../../shared/domain/incident';
import { phaseSchema, scenarioKindSchema, severitySchema } from '../../../../shared/domain/plan';

export const CHANGE_KINDS = ['opened', 'status', 'severity', 'handover', 'checklist'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const incidentChangeSchema = z.object({
  id: z.uuid(),
  incidentId: z.uuid(),
  device: z.string().regex(/^[0-9a-f]{32}$/),
  hlc: z.string().regex(/^\d{15}\.\d{6}$/),
  at: z.iso.datetime(),
  by: z.string().max(200),
  kind: z.enum(CHANGE_KINDS),
  /** What changed, as JSON text: read by the kind's own schema once the signature holds. */
  data: z.string().max(500_000),
  signature: z.string().max(200),
});
export type IncidentChange = z.infer<typeof incidentChangeSchema>;

/** One laptop's incident changes, keyed by id, never by position, so a hostile insertion moves nothing. */
export interface IncidentChangesDocument {
  changes: Record<string, IncidentChange>;
}

const text = z.string().max(20_000);
const json = z.string().max(200_000).refine((value) => {
  try {
    JSON.parse(value);
    return true;
  } catch {
    return false;
  }
}, { params: { wording: 'platform.validation.json' } });
const isoOrNull = z.iso.datetime().nullable();

const roleSchema = z.object({
  roleId: z.string().max(80),
  position: z.number().int().nonnegative(),
  nameJson: json,
  missionJson: json,
  instructionsJson: json,
  deputiesJson: json,
  callsJson: json,
});
const holderSchema = z.object({
  roleId: z.string().max(80),
  personJson: json,
  fromAt: z.iso.datetime(),
  untilAt: isoOrNull,
  handedOverBy: z.string().max(200).nullable(),
  note: text,
});
const itemStateSchema = z.object({
  status: checklistStatusSchema,
  doneBy: z.string().max(200).nullable(),
  doneAt: isoOrNull,
  note: text,
});
const itemSchema = itemStateSchema.extend({
  id: z.uuid(),
  planItemId: z.string().max(200).nullable(),
  position: z.number().int().nonnegative(),
  phase: phaseSchema,
  textJson: json,
  ownerRole: z.string().max(80),
  deadlineMinutes: z.number().int(),
});

export const openedSchema = z.object({
  title: z.string().max(500),
  scenarioKind: scenarioKindSchema,
  scenarioId: z.string().max(200).nullable(),
  severity: severitySchema,
  status: incidentStatusSchema,
  summary: text,
  openedAt: z.iso.datetime(),
  openedBy: z.string().max(200),
  alertSnapshotJson: json.nullable(),
  activeAt: isoOrNull,
  stabilisedAt: isoOrNull,
  closedAt: isoOrNull,
  periodStart: isoOrNull,
  roles: z.array(roleSchema).max(200),
  holders: z.array(holderSchema).max(5_000),
  items: z.array(itemSchema).max(2_000),
});
export type Opened = z.infer<typeof openedSchema>;

export const changeDataSchemas = {
  opened: openedSchema,
  status: z.object({ from: incidentStatusSchema, to: incidentStatusSchema }),
  severity: z.object({ from: severitySchema, to: severitySchema }),
  handover: z.object({ roleId: z.string().max(80), personJson: json, note: text }),
  checklist: itemStateSchema.extend({ itemId: z.uuid() }),
} as const;
export type ChangeData = { [K in ChangeKind]: z.infer<(typeof changeDataSchemas)[K]> };

/** Every signed field in one fixed order: the same content always gives the same bytes. */
const signedBytes = (c: Omit<IncidentChange, 'signature'>): Buffer =>
  Buffer.from(JSON.stringify(['tocsin-incident-change-v1', c.id, c.incidentId, c.device, c.hlc, c.at, c.by, c.kind, c.data]), 'utf8');

export const signChange = (change: Omit<IncidentChange, 'signature'>, signer: (data: Buffer) => Buffer): IncidentChange => ({
  ...change,
  signature: signer(signedBytes(change)).toString('base64'),
});

/** Whether the change is signed by the key of the laptop it names, and its data is what its kind carries. */
export function changeHolds(change: IncidentChange, publicKeyPem: string | undefined): boolean {
  if (!deviceSignatureHolds(signedBytes(change), change.signature, publicKeyPem)) return false;
  try {
    return changeDataSchemas[change.kind].safeParse(JSON.parse(change.data)).success;
  } catch {
    return false;
  }
}

/**
 * The local id of a change that is not genuine: derived from its claimed id, device and signature, so the same
 * forgery has the same id on every laptop, and it can never take the place of the genuine change it names.
 */
export function forgeryId(change: IncidentChange): string {
  const h = createHash('sha256').update(JSON.stringify(['tocsin-incident-forgery-v1', change.id, change.device, change.signature]), 'utf8').digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
