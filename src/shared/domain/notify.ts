// Alerts sent outside the app: the company's own SMTP relay and HTTP gateways (SMS, Teams, Mattermost, Slack),
// the per-message delivery status the cell watches, and how a coordinator reached someone by hand.
import { z } from 'zod';
import { incidentIdSchema } from './crisisLog';
import { healthMessageSchema } from './healthMessage';
import { planIdSchema, roleIdSchema } from './plan';

export const NOTIFY_CHANNELS = ['email', 'sms', 'messenger'] as const;
export const notifyChannelSchema = z.enum(NOTIFY_CHANNELS);
export type NotifyChannel = z.infer<typeof notifyChannelSchema>;

/** Who a message goes to as escalation moves on: the holder, the deputy, the caller in the call tree, the crisis lead. */
export const ESCALATION_STAGES = ['first', 'deputy', 'callTree', 'crisisLead'] as const;
export const escalationStageSchema = z.enum(ESCALATION_STAGES);
export type EscalationStage = z.infer<typeof escalationStageSchema>;

/** A queued message is an escalation step, or a reminder of a regulatory deadline. */
export const deliveryStageSchema = z.enum([...ESCALATION_STAGES, 'reminder']);
export type DeliveryStage = z.infer<typeof deliveryStageSchema>;

export const DELIVERY_STATUSES = ['queued', 'sending', 'sent', 'delivered', 'failed'] as const;
export const deliveryStatusSchema = z.enum(DELIVERY_STATUSES);
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;

const hostSchema = z.string().trim().min(1).max(253).regex(/^[a-zA-Z0-9.:[\]-]+$/, 'host: a name or an address');
const pemSchema = z.string().max(20_000).refine((v) => v === '' || v.includes('-----BEGIN CERTIFICATE-----'), {
  message: 'a PEM certificate',
  params: { wording: 'platform.validation.pemCertificate' },
});

export const smtpSettingsSchema = z.object({
  host: hostSchema,
  port: z.number().int().min(1).max(65_535),
  /** `tls` from the first byte (465), `starttls` required (587/25), `none` only for a relay on a trusted network. */
  security: z.enum(['tls', 'starttls', 'none']),
  user: z.string().max(320).default(''),
  /** Kept in the encrypted workspace; an empty value on save keeps the stored one. */
  password: z.string().max(1000).default(''),
  from: z.string().trim().min(3).max(320),
  /** The company CA that signed the relay's certificate, when it is not a public one. */
  caCertificate: pemSchema.default(''),
  /** The relay's name resolves to a local-network address on purpose. */
  localNetwork: z.boolean().default(false),
});
export type SmtpSettings = z.infer<typeof smtpSettingsSchema>;

export const gatewaySettingsSchema = z.object({
  /** May carry `{{placeholders}}` (URL-encoded when filled), e.g. for gateways that take GET parameters. */
  url: z.string().trim().min(8).max(2000),
  method: z.enum(['POST', 'PUT', 'GET']).default('POST'),
  headers: z.record(z.string().regex(/^[A-Za-z0-9-]{1,100}$/), z.string().max(2000)).default({}),
  /** Placeholders: to, text, subject, messageId, incident, level, role, person. */
  bodyTemplate: z.string().max(10_000).default(''),
  /** How placeholder values are escaped in the body. */
  bodyFormat: z.enum(['json', 'form', 'text']).default('json'),
  /** Signs the body: the header carries `sha256=<hex HMAC-SHA256 of the body>`. */
  hmac: z.object({ header: z.string().regex(/^[A-Za-z0-9-]{1,100}$/), secret: z.string().min(1).max(1000) }).nullable().default(null),
  /** A dotted path into the JSON answer whose value says the message reached the phone, e.g. `status`. */
  deliveredPath: z.string().max(200).default(''),
  deliveredValue: z.string().max(200).default('delivered'),
  localNetwork: z.boolean().default(false),
});
export type GatewaySettings = z.infer<typeof gatewaySettingsSchema>;

export const notifySettingsSchema = z.object({
  email: smtpSettingsSchema.nullable().default(null),
  sms: gatewaySettingsSchema.nullable().default(null),
  messenger: gatewaySettingsSchema.nullable().default(null),
});
export type NotifySettings = z.infer<typeof notifySettingsSchema>;

/** What screens see of the settings: secrets are never sent back, only whether one is stored. */
export const notifySettingsViewSchema = z.object({
  email: smtpSettingsSchema.omit({ password: true }).extend({ passwordSet: z.boolean() }).nullable(),
  sms: gatewaySettingsSchema.omit({ hmac: true }).extend({ hmacHeader: z.string().nullable() }).nullable(),
  messenger: gatewaySettingsSchema.omit({ hmac: true }).extend({ hmacHeader: z.string().nullable() }).nullable(),
});
export type NotifySettingsView = z.infer<typeof notifySettingsViewSchema>;

export const deliveryMessageSchema = z.object({
  id: z.string(),
  incidentId: incidentIdSchema,
  roleId: roleIdSchema,
  stage: deliveryStageSchema,
  personName: z.string(),
  channel: z.union([notifyChannelSchema, z.literal('none')]),
  address: z.string(),
  language: z.enum(['fr', 'en']),
  status: deliveryStatusSchema,
  attempts: z.number().int(),
  reason: healthMessageSchema.nullable(),
  nextAttemptAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
});
export type DeliveryMessage = z.infer<typeof deliveryMessageSchema>;

/** An acknowledgement that came from the acknowledging member's own laptop through the cell. */
export const laptopAcknowledgementSchema = z.object({
  mobilisationId: z.string(),
  roleId: z.string(),
  personName: z.string(),
  /** The member's name on the laptop that signed it, as the cell knows it. */
  memberName: z.string().nullable(),
  deviceId: z.string(),
  acknowledgedAt: z.iso.datetime(),
  /** False: the signature does not hold, or that laptop does not answer for this person; escalation goes on. */
  genuine: z.boolean(),
});
export type LaptopAcknowledgement = z.infer<typeof laptopAcknowledgementSchema>;

export const deliveryViewSchema = z.object({
  /** Why nothing leaves the workspace, when sealed mode is on. */
  blocked: healthMessageSchema.nullable(),
  messages: z.array(deliveryMessageSchema),
  laptopAcknowledgements: z.array(laptopAcknowledgementSchema),
});
export type DeliveryView = z.infer<typeof deliveryViewSchema>;

export const REACHED_BY = ['phone', 'sms', 'email', 'messenger', 'inPerson', 'app'] as const;
export const reachedBySchema = z.enum(REACHED_BY);
export type ReachedBy = z.infer<typeof reachedBySchema>;

export const testResultSchema = z.object({ ok: z.boolean(), reason: healthMessageSchema.nullable() });
export type TestResult = z.infer<typeof testResultSchema>;

const localizedSchema = z.object({ fr: z.string(), en: z.string() });

/** A call of a mobilisation made on another laptop (or this one) that asks this laptop's member. */
export const myCallSchema = z.object({
  mobilisationId: z.uuid(),
  incidentId: incidentIdSchema,
  title: z.string(),
  level: z.enum(['vigilance', 'alert', 'crisis']),
  startedAt: z.iso.datetime(),
  /** The member who mobilised, by their laptop's name in the cell. */
  mobilisedBy: z.string().nullable(),
  roleId: z.string(),
  roleName: localizedSchema,
  personName: z.string(),
  acknowledgedAt: z.iso.datetime().nullable(),
});
export type MyCall = z.infer<typeof myCallSchema>;
const destinationSchema = z.object({
  email: z.string().trim().max(320).default(''),
  sms: z.string().trim().max(40).default(''),
  messenger: z.string().trim().max(320).default(''),
});

/**
 * Where an exercise's messages go instead of the roster's contacts: per person (by the id the plan gives them; the
 * name is what the screen shows), or a catch-all per channel for everyone else. An exercise without any sends
 * nothing.
 */
export const testDestinationsSchema = z.object({
  catchAll: destinationSchema,
  people: z.array(destinationSchema.extend({ personId: planIdSchema, person: z.string().trim().max(200).default('') })).max(200),
});
export type TestDestinations = z.infer<typeof testDestinationsSchema>;
