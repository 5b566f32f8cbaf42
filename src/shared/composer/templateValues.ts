// Values a template's {{variables}} get from the incident and workspace before a person edits them.
import type { Template } from '../domain/plan';
import { fillTemplate } from '../domain/plan';

export interface TemplateContext {
  readonly organisation: string;
  readonly incidentTitle: string;
  readonly incidentSummary: string;
  /** When the incident was opened (UTC ISO). */
  readonly openedAt: string;
  /** Hours until the next status meeting: the natural time of the next public update. */
  readonly statusMeetingHours: number;
  readonly now: Date;
  /** IANA time zone the public reads times in (the cell's). */
  readonly timeZone?: string;
}

const clock = (date: Date, language: 'fr' | 'en', timeZone?: string): string => {
  const parts = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).formatToParts(date);
  const h = parts.find((p) => p.type === 'hour')?.value ?? '00';
  const m = parts.find((p) => p.type === 'minute')?.value ?? '00';
  return language === 'fr' ? `${Number(h)} h ${m}` : `${h}:${m}`;
};

/** Next update at the next status meeting, rounded up to the half hour so it reads as a firm commitment. */
export function nextUpdateAt(ctx: Pick<TemplateContext, 'now' | 'statusMeetingHours'>): Date {
  const t = ctx.now.getTime() + ctx.statusMeetingHours * 3_600_000;
  const half = 30 * 60_000;
  return new Date(Math.ceil(t / half) * half);
}

export function templateValues(ctx: TemplateContext, language: 'fr' | 'en'): Record<string, string> {
  const values: Record<string, string> = {
    time: clock(nextUpdateAt(ctx), language, ctx.timeZone),
    when: clock(new Date(ctx.openedAt), language, ctx.timeZone),
    what: ctx.incidentSummary.trim() || ctx.incidentTitle,
    incident: ctx.incidentTitle,
  };
  if (ctx.organisation.trim()) values.organisation = ctx.organisation.trim();
  return values;
}

/** Both twins of a template, with the values given (a person's entries win over the computed ones). */
export function fillTwins(template: Template, values: { fr: Record<string, string>; en: Record<string, string> }): { textFr: string; textEn: string } {
  return { textFr: fillTemplate(template.body.fr, values.fr), textEn: fillTemplate(template.body.en, values.en) };
}
