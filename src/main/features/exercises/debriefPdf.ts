// The exercise debrief as a printable PDF, marked EXERCICE / EXERCISE on every page.
import type { ExerciseDebrief, ExerciseRun } from '../../../shared/contract/exercises';
import type { Lesson } from '../../../shared/contract/lessons';
import type { Language } from '../../../shared/domain/workspace';
import { PdfWriter } from '../../platform/pdf/pdfWriter';
import { localeOf, translator } from '../../platform/i18n/translator';

export interface DebriefPdfInput {
  readonly exerciseName: string;
  readonly run: ExerciseRun;
  readonly debrief: ExerciseDebrief;
  readonly lessons: readonly Lesson[];
  readonly language: Language;
  readonly printedAt: Date;
  readonly timeZone?: string;
}

const gameTime = (minute: number): string => {
  const whole = Math.max(0, Math.floor(minute));
  return `H+${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
};

export async function renderDebriefPdf({ exerciseName, run, debrief: d, lessons, language, printedAt, timeZone }: DebriefPdfInput): Promise<Buffer> {
  const t = translator(language, 'exercises');
  const date = new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'long', timeStyle: 'short', timeZone }).format(printedAt);
  const minutes = (value: number | null) => (value === null ? t('debrief.notYet') : t('debrief.minutes', { value }));
  const pdf = new PdfWriter({
    title: `${t('debrief.pdfTitle')} — ${exerciseName}`,
    language,
    exerciseMark: t('debrief.pdfMark'),
    footer: t('debrief.pdfFooter', { exercise: exerciseName, date }),
    createdAt: printedAt,
  });
  pdf.title(t('debrief.pdfTitle'), t('debrief.pdfPrinted', { exercise: exerciseName, scenario: run.title[language], date }));
  pdf.paragraph(t('debrief.help', { onset: gameTime(d.onsetMinute).slice(2) }), { muted: true });
  pdf.table(
    [
      { header: t('debrief.pdfMetric'), width: 6, bold: true },
      { header: t('debrief.pdfValue'), width: 3 },
    ],
    [
      [t('debrief.detect'), `${minutes(d.timeToDetect)} (${t('debrief.detectExpected', { minutes: d.expectedAlertWithinMinutes })})`],
      [t('debrief.openIncident'), minutes(d.timeToOpenIncident)],
      [t('debrief.mobilise'), minutes(d.timeToMobilise)],
      [t('debrief.holdingApproved'), minutes(d.timeToHoldingApproved)],
      [t('debrief.holdingPublished'), minutes(d.timeToHoldingPublished)],
      [t('debrief.approvalLatency'), d.approvalLatency.averageMinutes === null ? t('debrief.notYet') : `${minutes(d.approvalLatency.averageMinutes)} / ${minutes(d.approvalLatency.maxMinutes)}`],
      [t('debrief.checklistH1'), t('debrief.ofDue', { done: d.checklistH1.done, due: d.checklistH1.due })],
      [t('debrief.checklistH4'), t('debrief.ofDue', { done: d.checklistH4.done, due: d.checklistH4.due })],
      [t('debrief.unanswered'), t('debrief.ofQuestions', { count: d.unansweredQuestions, total: d.questions })],
      [t('debrief.obligations'), t('debrief.obligationsValue', d.obligations)],
    ],
  );

  pdf.heading(t('debrief.pdfTimeline'));
  pdf.table(
    [
      { header: t('director.at'), width: 1.2, bold: true },
      { header: t('director.inject'), width: 6 },
      { header: t('director.state'), width: 2.2 },
    ],
    run.injects.map((inject) => [
      gameTime(inject.at),
      `${t(`director.kinds.${inject.kind}`)} — ${inject.title[language]}${inject.pressure ? ` (${t('director.pressureBadge')})` : ''}`,
      inject.firedAt === null ? t('director.pending') : t('director.firedAt', { time: gameTime(inject.firedAt) }),
    ]),
  );

  pdf.heading(t('lessons.title'));
  if (!lessons.length) pdf.paragraph(t('lessons.none'), { muted: true });
  for (const lesson of lessons) {
    const lines = [
      lesson.wentWell && t('debrief.pdfLabelled', { label: t('lessons.wentWell'), text: lesson.wentWell }),
      lesson.wentBadly && t('debrief.pdfLabelled', { label: t('lessons.wentBadly'), text: lesson.wentBadly }),
      ...lesson.actions.map((a) => t('debrief.pdfAction', { action: a.action, owner: a.owner })),
    ].filter(Boolean);
    const who = lesson.author ? [lesson.author, lesson.authorRole].filter(Boolean).join(', ') : t('lessons.anonymousAuthor');
    pdf.block(who, lines.join('\n'));
  }
  return pdf.finish((page, count) => t('debrief.pdfPage', { page, count }));
}
