// The press desk: journalists' inquiries about an incident, the deadline they gave, who speaks for the firm and
// what was said. "Late" is not stored: it is an open inquiry past its deadline, or an answer given after it.
import { z } from 'zod';
import { roleIdSchema } from './plan';

export const PRESS_CHANNELS = ['phone', 'email', 'social', 'inPerson', 'other'] as const;
export const pressChannelSchema = z.enum(PRESS_CHANNELS);
export type PressChannel = z.infer<typeof pressChannelSchema>;

/** What is stored; `late` is what an open inquiry past its deadline is shown as. */
export const PRESS_STORED_STATUSES = ['open', 'answered', 'declined'] as const;
export const PRESS_STATUSES = ['open', 'answered', 'declined', 'late'] as const;
export const pressStatusSchema = z.enum(PRESS_STATUSES);
export type PressStatus = z.infer<typeof pressStatusSchema>;

/** Mentions by these author kinds can become an inquiry: the press speaks through them. */
export const PRESS_AUTHOR_KINDS = ['journalist', 'media'] as const;

const line = (max: number) => z.string().trim().min(1).max(max);

export const spokespersonSchema = z.object({ roleId: roleIdSchema, person: line(120) });
export type Spokesperson = z.infer<typeof spokespersonSchema>;

export const newPressInquirySchema = z.object({
  outlet: line(200),
  person: line(200),
  channel: pressChannelSchema,
  question: line(10_000),
  /** UTC instant; the screen sends the local time the person typed, converted. */
  deadline: z.iso.datetime({ offset: true }).transform((value) => new Date(value).toISOString()),
  /** The plan's press contact this journalist is, when they are in the address book. */
  contactId: z.string().trim().min(1).max(80).nullable().default(null),
  /** The mention the inquiry came from; its author must be a journalist or a media outlet. */
  mentionId: z.number().int().positive().nullable().default(null),
  spokesperson: spokespersonSchema.nullable().default(null),
});
export type NewPressInquiry = z.input<typeof newPressInquirySchema>;

export const pressAnswerSchema = z.object({
  answer: z.string().trim().min(1).max(20_000),
  /** The composer statement the answer quotes, when there is one. */
  statementId: z.uuid().nullable().default(null),
});
export type PressAnswer = z.input<typeof pressAnswerSchema>;

export const pressInquirySchema = z.object({
  id: z.number().int().positive(),
  incidentId: z.string(),
  outlet: z.string(),
  person: z.string(),
  channel: pressChannelSchema,
  question: z.string(),
  deadline: z.iso.datetime(),
  contactId: z.string().nullable(),
  mentionId: z.number().int().nullable(),
  spokesperson: spokespersonSchema.nullable(),
  status: pressStatusSchema,
  answer: z.string(),
  statementId: z.string().nullable(),
  /** Answered or declined after the deadline had passed. */
  late: z.boolean(),
  createdAt: z.iso.datetime(),
  createdBy: z.string(),
  closedAt: z.iso.datetime().nullable(),
  closedBy: z.string().nullable(),
});
export type PressInquiry = z.infer<typeof pressInquirySchema>;

export const pressSummarySchema = z.object({
  total: z.number().int(),
  open: z.number().int(),
  /** Open and past their deadline now. */
  overdue: z.number().int(),
  answeredOnTime: z.number().int(),
  answeredLate: z.number().int(),
  declined: z.number().int(),
});
export type PressSummary = z.infer<typeof pressSummarySchema>;

export const pressDeskSchema = z.object({ inquiries: z.array(pressInquirySchema), summary: pressSummarySchema });
export type PressDesk = z.infer<typeof pressDeskSchema>;

interface Timed {
  readonly status: (typeof PRESS_STORED_STATUSES)[number];
  readonly deadline: string;
  readonly closedAt: string | null;
}

/** The status shown now, and whether the inquiry missed its deadline (still open past it, or closed after it). */
export function pressTiming(inquiry: Timed, now: Date): { status: PressStatus; late: boolean } {
  const deadline = Date.parse(inquiry.deadline);
  if (inquiry.status === 'open') {
    const late = now.getTime() > deadline;
    return { status: late ? 'late' : 'open', late };
  }
  return { status: inquiry.status, late: inquiry.closedAt !== null && Date.parse(inquiry.closedAt) > deadline };
}

export function pressSummary(inquiries: readonly Pick<PressInquiry, 'status' | 'late'>[]): PressSummary {
  const count = (test: (i: Pick<PressInquiry, 'status' | 'late'>) => boolean) => inquiries.filter(test).length;
  return {
    total: inquiries.length,
    open: count((i) => i.status === 'open' || i.status === 'late'),
    overdue: count((i) => i.status === 'late'),
    answeredOnTime: count((i) => i.status === 'answered' && !i.late),
    answeredLate: count((i) => i.status === 'answered' && i.late),
    declined: count((i) => i.status === 'declined'),
  };
}
