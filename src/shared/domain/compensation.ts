// The compensation register: customer cases that call for a gesture, approved by the roles the plan names before
// anything is promised. The customer is named only as much as the case needs (a name or a handle); what identifies
// them (see withoutPersonalData) stays out of exports unless the person exporting asks for it.
import { z } from 'zod';

export const COMPENSATION_STATUSES = ['proposed', 'approved', 'rejected', 'done'] as const;
export const compensationStatusSchema = z.enum(COMPENSATION_STATUSES);
export type CompensationStatus = z.infer<typeof compensationStatusSchema>;

/** Amounts are kept in hundredths, so totals add up exactly. */
export const MINOR_PER_UNIT = 100;

const currencies = new Set(Intl.supportedValuesOf('currency'));
export const currencySchema = z
  .string()
  .trim()
  .transform((code) => code.toUpperCase())
  .refine((code) => currencies.has(code), { message: 'currency: an ISO 4217 code such as CHF, EUR or USD', params: { wording: 'platform.validation.currency' } });

export const newCompensationCaseSchema = z.object({
  /** A name or a handle: enough to find the customer again, nothing more. */
  customer: z.string().trim().min(1).max(200),
  whatHappened: z.string().trim().min(1).max(10_000),
  /** A ticket number or any reference of the customer service. */
  reference: z.string().trim().max(200).default(''),
  mentionId: z.number().int().positive().nullable().default(null),
  gesture: z.string().trim().min(1).max(1000),
  amount: z
    .number()
    .min(0)
    .max(10_000_000)
    .refine((value) => Number.isInteger(Math.round(value * MINOR_PER_UNIT * 1000) / 1000), {
      message: 'amount: at most two decimals',
      params: { wording: 'platform.validation.twoDecimals' },
    }),
  currency: currencySchema,
});
export type NewCompensationCase = z.input<typeof newCompensationCaseSchema>;

export const compensationDecisionSchema = z.object({
  decision: z.enum(['approved', 'rejected']),
  person: z.string(),
  role: z.string(),
  reason: z.string().nullable(),
  decidedAt: z.iso.datetime(),
});
export type CompensationDecision = z.infer<typeof compensationDecisionSchema>;

export const compensationCaseSchema = z.object({
  id: z.number().int().positive(),
  incidentId: z.string(),
  customer: z.string(),
  whatHappened: z.string(),
  reference: z.string(),
  mentionId: z.number().int().nullable(),
  gesture: z.string(),
  amountMinor: z.number().int().nonnegative(),
  currency: z.string(),
  status: compensationStatusSchema,
  /** The plan roles whose approval the gesture needs, and those that gave it. */
  requiredRoles: z.array(z.string()),
  approvedRoles: z.array(z.string()),
  decisions: z.array(compensationDecisionSchema),
  createdAt: z.iso.datetime(),
  createdBy: z.string(),
  doneAt: z.iso.datetime().nullable(),
  doneBy: z.string().nullable(),
});
export type CompensationCase = z.infer<typeof compensationCaseSchema>;

export const compensationTotalSchema = z.object({
  currency: z.string(),
  cases: z.number().int(),
  /** Waiting for approval. */
  proposedMinor: z.number().int(),
  /** Approved, not yet delivered. */
  approvedMinor: z.number().int(),
  doneMinor: z.number().int(),
  /** Approved and delivered: what the firm has committed to. */
  committedMinor: z.number().int(),
  rejected: z.number().int(),
});
export type CompensationTotal = z.infer<typeof compensationTotalSchema>;

export const compensationRegisterSchema = z.object({
  cases: z.array(compensationCaseSchema),
  totals: z.array(compensationTotalSchema),
  requiredRoles: z.array(z.string()),
});
export type CompensationRegister = z.infer<typeof compensationRegisterSchema>;

/**
 * A case as exports show it by default: the customer's name or handle, their story, the ticket and the mention they
 * posted identify them, so all four go; the number, gesture, amount, status and approvals stay, and so do totals.
 */
export function withoutPersonalData<T extends Pick<CompensationCase, 'customer' | 'whatHappened' | 'reference' | 'mentionId'>>(c: T): T {
  return { ...c, customer: '', whatHappened: '', reference: '', mentionId: null };
}

/** Per currency, in code order: cases and amounts by stage; rejected gestures count as cases but add nothing. */
export function compensationTotals(cases: readonly Pick<CompensationCase, 'currency' | 'amountMinor' | 'status'>[]): CompensationTotal[] {
  const byCurrency = new Map<string, CompensationTotal>();
  for (const c of cases) {
    const t = byCurrency.get(c.currency) ?? { currency: c.currency, cases: 0, proposedMinor: 0, approvedMinor: 0, doneMinor: 0, committedMinor: 0, rejected: 0 };
    byCurrency.set(c.currency, {
      ...t,
      cases: t.cases + 1,
      proposedMinor: t.proposedMinor + (c.status === 'proposed' ? c.amountMinor : 0),
      approvedMinor: t.approvedMinor + (c.status === 'approved' ? c.amountMinor : 0),
      doneMinor: t.doneMinor + (c.status === 'done' ? c.amountMinor : 0),
      committedMinor: t.committedMinor + (c.status === 'approved' || c.status === 'done' ? c.amountMinor : 0),
      rejected: t.rejected + (c.status === 'rejected' ? 1 : 0),
    });
  }
  return [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

/** An amount in hundredths, worded in the reader's language with its currency. */
export const formatAmount = (minor: number, currency: string, language: string): string =>
  new Intl.NumberFormat(language === 'fr' ? 'fr-CH' : 'en-GB', { style: 'currency', currency }).format(minor / MINOR_PER_UNIT);
