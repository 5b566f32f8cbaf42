// The exercise debrief as a printable PDF, marked EXERCICE / EXERCISE on every page.
import type { ExerciseDebrief, ExerciseRun } from '../../../shared/contract/exercises';
import type { Lesson } from '../../../shared/contract/lessons';
import { exerciseEn, exerciseFr } from '../../../shared/i18n/exercises';
import type { Language } from '../../../shared/domain/workspace';
import { PdfWriter } from '../../platform/pdf/pdfWriter';

export interface DebriefPdfInput {
  readonly exerciseName: string;
  readonly run: ExerciseRun;
  readonly debrief: ExerciseDebrief;
  readonly lessons: readonly Lesson[];
  readonly language: Language;
  readonly printedAt: Date;
  readonly timeZone?: string;
}

const fill = (text: string, values: Record<string, string | number>): string =>
  text.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));

const gameTime = (minute: number): string => {
  const whole = Math.max(0, Math.floor(minute));
  return `H+${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
};

export async function renderDebriefPdf({ exerciseName, run, debrief: d, lessons, language, printedAt, timeZone }: DebriefPdfInput): Promise<Buffer> {
  const s = language === 'fr' ? (exerciseFr as typeof exerciseEn) : exerciseEn;
  const b = s.debrief;
  const date = new Intl.DateTimeFormat(language === 'fr' ? 'fr-CH' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone }).format(printedAt);
  const minutes = (value: number | null) => (value === null ? b.notYet : fill(b.minutes, { value }));
  const pdf = new PdfWriter({
    title: `${b.pdfTitle} — ${exerciseName}`,
    language,
    exerciseMark: b.pdfMark,
    footer: fill(b.pdfFooter, { exercise: exerciseName, date }),
    createdAt: printedAt,
  });
  pdf.title(b.pdfTitle, fill(b.pdfPrinted, { exercise: exerciseName, scenario: run.title[language], date }));
  pdf.paragraph(fill(b.help, { onset: gameTime(d.onsetMinute).slice(2) }), { muted: true });
  pdf.table(
    [
      { header: b.pdfMetric, width: 6, bold: true },
      { header: b.pdfValue, width: 3 },
    ],
    [
      [b.detect, `${minutes(d.timeToDetect)} (${fill(b.detectExpected, { minutes: d.expectedAlertWithinMinutes })})`],
      [b.openIncident, minutes(d.timeToOpenIncident)],
      [b.mobilise, minutes(d.timeToMobilise)],
      [b.holdingApproved, minutes(d.timeToHoldingApproved)],
      [b.holdingPublished, minutes(d.timeToHoldingPublished)],
      [b.approvalLatency, d.approvalLatency.averageMinutes === null ? b.notYet : `${minutes(d.approvalLatency.averageMinutes)} / ${minutes(d.approvalLatency.maxMinutes)}`],
      [b.checklistH1, fill(b.ofDue, { done: d.checklistH1.done, due: d.checklistH1.due })],
      [b.checklistH4, fill(b.ofDue, { done: d.checklistH4.done, due: d.checklistH4.due })],
      [b.unanswered, fill(b.ofQuestions, { count: d.unansweredQuestions, total: d.questions })],
    ],
  );

  pdf.heading(b.pdfTimeline);
  pdf.table(
    [
      { header: s.director.at, width: 1.2, bold: true },
      { header: s.director.inject, width: 6 },
      { header: s.director.state, width: 2.2 },
    ],
    run.injects.map((inject) => [
      gameTime(inject.at),
      `${s.director.kinds[inject.kind]} — ${inject.title[language]}${inject.pressure ? ` (${s.director.pressureBadge})` : ''}`,
      inject.firedAt === null ? s.director.pending : fill(s.director.firedAt, { time: gameTime(inject.firedAt) }),
    ]),
  );

  pdf.heading(s.lessons.title);
  if (!lessons.length) pdf.paragraph(s.lessons.none, { muted: true });
  for (const lesson of lessons) {
    const lines = [
      lesson.wentWell && `${s.lessons.wentWell}: ${lesson.wentWell}`,
      lesson.wentBadly && `${s.lessons.wentBadly}: ${lesson.wentBadly}`,
      ...lesson.actions.map((a) => `→ ${a.action} (${s.lessons.owner}: ${a.owner})`),
    ].filter(Boolean);
    const who = lesson.author ? [lesson.author, lesson.authorRole].filter(Boolean).join(', ') : s.lessons.anonymousAuthor;
    pdf.block(who, lines.join('\n'));
  }
  return pdf.finish((page, count) => fill(b.pdfPage, { page, count }));
}
