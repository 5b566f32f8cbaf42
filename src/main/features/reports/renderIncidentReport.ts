// The PDF incident report: cover, contents with page numbers, then one section per part of the record.
// Every section is printed even when empty (it says so): an absent section reads as a lost one.
import { reportsEn } from '../../../shared/i18n/reports';
import { personName, wordSystemEntry } from '../../../shared/crisisLog/wordSystemEntry';
import type { Language } from '../../../shared/domain/workspace';
import type { CrisisLevel } from '../../../shared/domain/detection';
import { PdfWriter, type TableColumn } from '../../platform/pdf/pdfWriter';
import { localeOf, translator } from '../../platform/i18n/translator';
import { CHART_ASPECT, toneChartSvg, volumeChartSvg } from './reportCharts';
import type { ReportData } from './reportData';
import { printable } from './printable';
import { signalItemsText } from './signalItems';
import { describePlanChange } from '../../../shared/retex/describePlanChange';
import type { RecoveryReturn, RetexTimings } from '../../../shared/domain/retex';
import { RECOVERY_WINDOW_HOURS } from '../../../shared/domain/retex';
import { formatAmount } from '../../../shared/domain/compensation';

const TIMING_KEYS: readonly (keyof RetexTimings)[] = ['detection', 'mobilisation', 'firstStatement', 'firstAnswerToCritics'];

type Strings = typeof reportsEn.pdf;
export type SectionKey = keyof Strings['sections'];
export const SECTION_ORDER: readonly SectionKey[] = [
  'summary',
  'levels',
  'charts',
  'alerts',
  'log',
  'decisions',
  'roster',
  'mobilisation',
  'checklist',
  'statements',
  'reactions',
  'queue',
  'lessons',
  'regulatory',
  'press',
  'compensation',
  'appendix',
];

export interface RenderOptions {
  readonly language: Language;
  /** IANA zone every time is printed in; the cover names it. */
  readonly timeZone: string;
  /** Called between sections: reports progress and yields to the event loop; throws to cancel. */
  readonly checkpoint?: (stage: string, progress: number) => Promise<void>;
}

export interface RenderedReport {
  readonly pdf: Buffer;
  readonly pages: number;
  /** Page on which each section starts, as printed in the contents. */
  readonly sectionPages: Readonly<Record<SectionKey, number>>;
}

/** Rows of the crisis log laid out between two yields to the event loop (about 50 ms of work). */
const LOG_ROWS_PER_STEP = 100;

const median = (values: readonly number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export async function renderIncidentReport(data: ReportData, options: RenderOptions): Promise<RenderedReport> {
  const { language, timeZone } = options;
  const checkpoint = options.checkpoint ?? (async () => undefined);
  const t = translator(language, 'reports.pdf');
  const tAll = translator(language);
  const integrityLine = (): string =>
    data.integrity.ok
      ? t('log.integrityOk', { checked: data.integrity.checked, hash: data.integrity.headHash ?? '—' })
      : t('log.integrityBroken', {
          seq: data.integrity.firstBroken?.seq ?? '?',
          reason: data.integrity.firstBroken ? tAll(`incidents.log.reason.${data.integrity.firstBroken.reason}`) : '?',
        });
  const locale = localeOf(language);
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const at = (iso: string | null | undefined): string => (iso ? dateTime.format(new Date(iso)) : t('cover.notYet'));
  // Narrow table columns (the log can run to thousands of rows): numeric dates keep each row to two lines.
  // The date over the time: a column this narrow would otherwise cut "13/01/26," away from its comma.
  const compactDate = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: '2-digit', timeZone });
  const compactTime = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone });
  const atShort = (iso: string | null | undefined): string =>
    iso ? `${compactDate.format(new Date(iso))}\n${compactTime.format(new Date(iso))}` : t('cover.notYet');
  const num = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const pct = (share: number | null): string => (share === null ? '—' : percent.format(share));
  const change = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0, signDisplay: 'always' });
  const dayFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  /** A due date is a calendar day, the same wherever it is read. */
  const dueDate = (day: string): string => dayFormat.format(new Date(`${day}T12:00:00Z`));
  const duration = (ms: number): string => {
    const minutes = Math.round(ms / 60_000);
    if (minutes < 60) return `${minutes} min`;
    const h = Math.floor(minutes / 60);
    return `${h} h ${String(minutes % 60).padStart(2, '0')}`;
  };
  const { incident, workspace } = data;
  const backAfter = (back: RecoveryReturn | null): string =>
    back ? tAll('retex.recovery.hours', { hours: back.hoursAfterStart }) : tAll('retex.recovery.notYet');
  const recoveryLine = (): string =>
    tAll('retex.recovery.summary', { volume: backAfter(data.retex.recovery.volume), negative: backAfter(data.retex.recovery.negativeShare) });
  const recoverySection = (): void => {
    const r = data.retex.recovery;
    pdf.heading(tAll('retex.recovery.title'), 2);
    if (r.baselineNegativeShare === null && r.baselinePerHour === 0) return void pdf.paragraph(tAll('retex.recovery.noBaseline'), { italic: true });
    pdf.paragraph(tAll('retex.recovery.intro', { hours: RECOVERY_WINDOW_HOURS }));
    pdf.paragraph(tAll('retex.recovery.baseline', { from: at(r.baselineFrom), to: at(r.baselineTo), perHour: num.format(r.baselinePerHour), share: pct(r.baselineNegativeShare) }));
    if (r.peakAt) pdf.paragraph(tAll('retex.recovery.peak', { date: at(r.peakAt) }));
    pdf.table(
      [
        { header: tAll('retex.recovery.measure'), width: 1.4 },
        { header: tAll('retex.recovery.back'), width: 1.6 },
        { header: tAll('retex.recovery.after'), width: 1.4 },
      ],
      (['volume', 'negativeShare'] as const).map((key) => [tAll(`retex.recovery.${key}`), r[key] ? at(r[key].at) : '—', backAfter(r[key])]),
    );
  };
  const exercise = workspace.kind === 'exercise';
  const scenarioName = tAll(`plan.scenarioKinds.${incident.scenarioKind}`, { defaultValue: incident.scenarioKind });
  const roleName = (roleId: string | null): string =>
    roleId === null ? '' : (incident.roster.find((r) => r.roleId === roleId)?.name[language] ?? roleId);

  const pdf = new PdfWriter({
    title: `${t('title')} — ${incident.title}`,
    language,
    exerciseMark: exercise ? t('exercise') : undefined,
    header: `${exercise ? `${t('exercise')} · ` : ''}${t('title')} · ${printable(incident.title, 120)} · ${t('classification')}`,
    footer: `${data.organisation} · ${t('generated', { date: at(data.generatedAt) })}`,
    createdAt: new Date(data.generatedAt),
  });
  const sectionPages = {} as Record<SectionKey, number>;
  const section = async (key: SectionKey, index: number, body: () => void | Promise<void>) => {
    await checkpoint('layout', 0.3 + (0.6 * index) / SECTION_ORDER.length);
    pdf.newPage();
    sectionPages[key] = pdf.pageNumber;
    pdf.heading(`${index + 1}. ${t(`sections.${key}`)}`);
    await body();
  };
  const nothing = (text: string = t('none')) => pdf.paragraph(text, { italic: true });
  /** A table of the items, or one line saying there are none. */
  const tableOrNothing = <T>(items: readonly T[], columns: readonly TableColumn[], row: (item: T) => string[], empty?: string) =>
    items.length === 0 ? nothing(empty) : pdf.table(columns, items.map(row));
  const who = (name: string): string => printable(personName(name, language), 120);
  /** Entries Tocsin wrote are worded in the report's language from their code; people's are kept as written. */
  const entryText = (e: ReportData['log'][number]): string =>
    printable(e.kind === 'system' ? (wordSystemEntry(e.systemCode, e.data, language, timeZone) ?? e.body) : e.body, 2000);
  const authorWithRole = (author: string, role: string | null): string =>
    `${who(author)}${role ? ` (${printable(roleName(role) || role, 80)})` : ''}`;
  const integrityParagraph = () => pdf.paragraph(integrityLine(), { size: 9 });

  // Cover
  if (exercise) pdf.paragraph(t('exercise'), { size: 28 });
  pdf.title(t('title'), printable(incident.title, 200));
  pdf.table(
    [
      { header: '', width: 1, bold: true },
      { header: '', width: 2.4 },
    ],
    [
      [t('cover.organisation'), printable(data.organisation, 200)],
      [t('cover.watches'), printable(data.series.map((w) => w.watchName).join(', ') || '—', 600)],
      [t('cover.scenario'), scenarioName],
      [t('cover.severity'), t(`severities.${incident.severity}`)],
      [t('cover.status'), t(`statuses.${incident.status}`)],
      [t('cover.opened'), at(incident.openedAt)],
      [t('cover.active'), at(incident.activeAt)],
      [t('cover.stabilised'), at(incident.stabilisedAt)],
      [t('cover.closed'), at(incident.closedAt)],
      [t('cover.window'), `${at(data.window.from)} → ${at(data.window.to)}${incident.scope.end === null ? ` ${t('cover.ongoing')}` : ''}`],
      [t('cover.timeZone'), timeZone],
    ],
    { header: false },
  );
  pdf.paragraph(t('classification'), { italic: true });
  pdf.paragraph(t('generated', { date: at(data.generatedAt) }), { muted: true });

  // Contents: its page is reserved now and filled once every section knows its page.
  pdf.newPage();
  const contentsPage = pdf.pageNumber;
  pdf.heading(t('contents'));
  const contentsTop = pdf.doc.y;

  await checkpoint('charts', 0.2);
  const published = data.reactions.length;
  const approvals = data.statements.reduce((sum, d) => sum + d.decisions.filter((x) => x.decision === 'approved').length, 0);
  const decisions = data.log.filter((e) => e.kind === 'decision');
  const calls = incident.mobilisation?.calls ?? [];
  const ackDelays = calls.flatMap((c) => (c.acknowledgedAt ? [Date.parse(c.acknowledgedAt) - Date.parse(c.alertedAt)] : []));
  const checklistDone = incident.checklist.filter((i) => i.status === 'done');
  const lateDone = checklistDone.filter((i) => i.doneAt !== null && i.doneAt > i.dueAt);

  await section('summary', 0, () => {
    pdf.paragraph(
      t('summary.opened', {
        title: printable(incident.title, 200),
        date: at(incident.openedAt),
        by: who(incident.openedBy),
        scenario: scenarioName,
        severity: t(`severities.${incident.severity}`),
        status: t(`statuses.${incident.status}`),
      }),
    );
    if (incident.summary) pdf.paragraph(printable(incident.summary, 5000), { italic: true });
    pdf.paragraph(
      t('summary.counts', {
        mentions: num.format(data.mentionsInWindow),
        alerts: data.alerts.length,
        entries: data.log.length,
        decisions: decisions.length,
        statements: data.statements.length,
        published,
        approvals,
      }),
    );
    const first = data.reactions[0];
    pdf.paragraph(
      first ? t('summary.firstStatement', { delay: duration(Date.parse(first.publishedAt) - Date.parse(incident.openedAt)) }) : t('summary.noStatement'),
    );
    if (calls.length > 0) {
      const m = median(ackDelays);
      pdf.paragraph(t('summary.mobilised', { acked: ackDelays.length, calls: calls.length, median: m === null ? '—' : duration(m) }));
    }
    pdf.paragraph(t('summary.checklist', { done: checklistDone.length, total: incident.checklist.length, late: lateDone.length }));
    let peak: { count: number; watch: string; hour: number } | null = null;
    for (const series of data.series) {
      for (const p of series.points) if (!peak || p.count > peak.count) peak = { count: p.count, watch: series.watchName, hour: p.hour };
    }
    if (peak) pdf.paragraph(t('summary.peak', { count: num.format(peak.count), watch: printable(peak.watch, 200), date: at(new Date(peak.hour * 3_600_000).toISOString()) }));
    if (data.retex.recovery.peakAt) pdf.paragraph(recoveryLine());
    integrityParagraph();
  });

  await section('levels', 1, () => {
    const rows: { at: string; event: string; level: string }[] = [];
    rows.push({ at: incident.openedAt, event: t('levels.incidentOpened'), level: '' });
    if (incident.activeAt) rows.push({ at: incident.activeAt, event: t('levels.incidentActive'), level: '' });
    if (incident.stabilisedAt) rows.push({ at: incident.stabilisedAt, event: t('levels.incidentStabilised'), level: '' });
    if (incident.closedAt) rows.push({ at: incident.closedAt, event: t('levels.incidentClosed'), level: '' });
    for (const c of data.levelChanges) {
      const level = t(`levelNames.${c.level as CrisisLevel}`) ?? c.level;
      rows.push({ at: c.at, event: t(c.replayed ? 'levels.levelReplayed' : 'levels.levelChanged', { watch: printable(c.watchName, 200) }), level });
    }
    rows.sort((a, b) => a.at.localeCompare(b.at));
    pdf.table(
      [
        { header: t('levels.at'), width: 1.2 },
        { header: t('levels.event'), width: 3 },
        { header: t('levels.level'), width: 1, bold: true },
      ],
      rows.map((r) => [at(r.at), r.event, r.level]),
    );
  });

  await checkpoint('charts', 0.35);
  const chartInput = { series: data.series, alerts: data.alerts, reactions: data.reactions, window: data.window, language, timeZone };
  const chartLabels = {
    volumeTitle: t('charts.volumeTitle'),
    toneTitle: t('charts.toneTitle'),
    negativeShare: t('charts.negativeShare'),
    published: t('charts.published'),
    noData: t('charts.noData'),
  };
  const volumeSvg = volumeChartSvg(chartInput, chartLabels);
  const toneSvg = toneChartSvg(chartInput, chartLabels);
  await section('charts', 2, () => {
    pdf.svg(volumeSvg, CHART_ASPECT);
    pdf.svg(toneSvg, CHART_ASPECT);
    pdf.paragraph(t('charts.legend'), { muted: true, size: 9 });
  });

  await section('alerts', 3, () => {
    if (data.alerts.length === 0) return nothing();
    for (const a of data.alerts) {
      const e = a.explanation;
      pdf.heading(t('alerts.heading', { level: t(`levelNames.${a.level}`), watch: printable(a.watchName, 200), opened: at(a.openedAt) }), 2);
      pdf.paragraph(
        t('alerts.status', {
          status: t(`alerts.statusNames.${a.status}`),
          by: a.statusBy ? ` (${who(a.statusBy)}${a.statusReason ? ` — ${printable(a.statusReason, 500)}` : ''})` : '',
          closed: at(a.closedAt),
        }),
      );
      pdf.heading(t('alerts.why'), 3);
      pdf.bullets(
        e.signals
          .filter((sig) => sig.level !== 'calm')
          .map((sig) =>
            t('alerts.signalLine', {
              signal: t(`alerts.signal.${sig.kind}`),
              value: num.format(Math.round(sig.value * 100) / 100),
              reference: sig.reference === null ? '—' : num.format(Math.round(sig.reference * 100) / 100),
              level: t(`levelNames.${sig.level}`),
              items: ((words) => (words ? ` — ${words}` : ''))(signalItemsText(sig, language)),
            }),
          ),
      );
      if (e.topTerms.length) pdf.paragraph(t('alerts.terms', { terms: printable(e.topTerms.map((t) => `${t.term} (${t.count})`).join(', '), 800) }));
      if (e.topAuthors.length)
        pdf.paragraph(
          t('alerts.authors', {
            authors: printable(e.topAuthors.map((x) => `${x.name}${x.audience ? ` (${num.format(x.audience)})` : ''}`).join(', '), 800),
          }),
        );
      if (e.samples.length) {
        pdf.heading(t('alerts.samples'), 3);
        pdf.bullets(e.samples.map((m) => `${at(m.publishedAt)} — ${printable(m.author ?? '?', 120)} : ${printable(m.text, 400)}`));
      }
    }
  });

  await section('log', 4, async () => {
    integrityParagraph();
    pdf.paragraph(t('log.count', { count: data.log.length }));
    if (data.log.length === 0) return nothing();
    const base = 0.3 + (0.6 * 4) / SECTION_ORDER.length;
    await pdf.tableYielding(
      [
        { header: t('log.seq'), width: 0.4 },
        { header: t('log.occurred'), width: 1 },
        { header: t('log.entered'), width: 1 },
        { header: t('log.kind'), width: 1.3 },
        { header: t('log.author'), width: 1.3 },
        { header: t('log.verification'), width: 1.25 },
        { header: t('log.body'), width: 2.8 },
      ],
      data.log.map((e) => [
        String(e.seq),
        atShort(e.occurredAt),
        atShort(e.enteredAt),
        t(`kinds.${e.kind}`),
        authorWithRole(e.author, e.authorRole),
        t(`verification.${e.verification}`),
        `${entryText(e)}${e.pinned ? ` [${t('log.pinned')}]` : ''}${e.correctedById ? ` [${t('log.corrected')}]` : ''}`,
      ]),
      LOG_ROWS_PER_STEP,
      (done) => checkpoint('layout', base + (0.6 / SECTION_ORDER.length) * (done / data.log.length)),
    );
  });

  await section('decisions', 5, () => {
    tableOrNothing(
      decisions,
      [
        { header: t('log.occurred'), width: 1.1 },
        { header: t('log.author'), width: 1.4 },
        { header: t('log.verification'), width: 0.9 },
        { header: t('log.body'), width: 4 },
      ],
      (e) => [
        atShort(e.occurredAt),
        authorWithRole(e.author, e.authorRole),
        t(`verification.${e.verification}`),
        entryText(e),
      ],
    );
  });

  await section('roster', 6, () => {
    tableOrNothing(
      incident.roster,
      [
        { header: t('roster.role'), width: 1.3, bold: true },
        { header: t('roster.holder'), width: 1.3 },
        { header: t('roster.deputies'), width: 1.4 },
        { header: t('roster.history'), width: 3 },
      ],
      (r) => [
        r.name[language],
        r.holder ? printable(r.holder.name, 120) : t('roster.vacant'),
        r.deputies.map((d) => printable(d.name, 120)).join(', '),
        r.history
          .map((h) =>
            t('roster.period', {
              person: printable(h.person.name, 120),
              from: at(h.fromAt),
              until: h.untilAt ? t('roster.until', { at: at(h.untilAt) }) : '',
              by: h.handedOverBy ? t('roster.by', { by: who(h.handedOverBy) }) : '',
            }),
          )
          .join('\n'),
      ],
    );
  });

  await section('mobilisation', 7, () => {
    const m = incident.mobilisation;
    if (!m) return nothing(t('mobilisation.none'));
    pdf.paragraph(t('mobilisation.started', { at: at(m.startedAt), by: who(m.startedBy) }));
    pdf.table(
      [
        { header: t('mobilisation.role'), width: 1.4, bold: true },
        { header: t('mobilisation.person'), width: 1.4 },
        { header: t('mobilisation.alerted'), width: 1.2 },
        { header: t('mobilisation.acknowledged'), width: 1.2 },
        { header: t('mobilisation.delay'), width: 0.8 },
      ],
      m.calls.map((c) => [
        roleName(c.roleId),
        printable(c.personName, 120),
        at(c.alertedAt),
        c.acknowledgedAt ? at(c.acknowledgedAt) : t('mobilisation.waiting'),
        c.acknowledgedAt ? duration(Date.parse(c.acknowledgedAt) - Date.parse(c.alertedAt)) : '—',
      ]),
    );
  });

  await section('checklist', 8, () => {
    pdf.paragraph(t('summary.checklist', { done: checklistDone.length, total: incident.checklist.length, late: lateDone.length }));
    if (incident.checklist.length === 0) return;
    pdf.table(
      [
        { header: t('checklist.item'), width: 3 },
        { header: t('checklist.owner'), width: 1.2 },
        { header: t('checklist.due'), width: 1.1 },
        { header: t('checklist.status'), width: 0.9 },
        { header: t('checklist.done'), width: 1.4 },
      ],
      incident.checklist.map((i) => [
        printable(i.text[language] || i.text.fr || i.text.en, 1000),
        roleName(i.ownerRole),
        at(i.dueAt),
        `${t(`checklist.statuses.${i.status}`)}${i.status === 'done' && i.doneAt && i.doneAt > i.dueAt ? ` (${t('checklist.late')})` : ''}`,
        i.doneAt ? `${at(i.doneAt)}${i.doneBy ? `\n${who(i.doneBy)}` : ''}` : '—',
      ]),
    );
  });

  await section('statements', 9, () => {
    if (data.statements.length === 0) return nothing();
    for (const d of data.statements) {
      const st = d.statement;
      pdf.heading(printable(st.title, 200), 2);
      pdf.paragraph(
        t('statements.meta', {
          kind: tAll(`composer.kinds.${st.kind}`),
          revision: st.revision,
          state: t(`statements.approvalStates.${st.approvalState}`),
          created: at(st.createdAt),
          by: who(st.createdBy),
        }),
        { muted: true },
      );
      pdf.block(t('statements.fr'), printable(st.textFr, 20_000) || '—');
      pdf.block(t('statements.en'), printable(st.textEn, 20_000) || '—');
      pdf.heading(t('statements.approvals'), 3);
      tableOrNothing(
        d.decisions,
        [
          { header: t('statements.person'), width: 1.6 },
          { header: t('statements.decision'), width: 1 },
          { header: t('statements.when'), width: 1.1 },
          { header: t('statements.hash'), width: 2.6 },
        ],
        (x) => [
          `${who(x.person)} (${printable(roleName(x.role) || x.role, 80)})`,
          `${t(`statements.decisions.${x.decision}`)}${x.reason ? ` — ${printable(x.reason, 500)}` : ''}`,
          at(x.decidedAt),
          `${x.contentHash}\n${x.current ? t('statements.current') : t('statements.superseded')}`,
        ],
      );
      pdf.heading(t('statements.publication'), 3);
      tableOrNothing(
        d.outbox,
        [
          { header: t('statements.channel'), width: 1 },
          { header: t('statements.state'), width: 1 },
          { header: t('statements.publishedAt'), width: 1.3 },
          { header: 'URL', width: 3 },
        ],
        (o) => [
          `${tAll(`composer.channels.${o.channel}`, { defaultValue: o.channel })} (${o.language})`,
          tAll(`composer.outbox.states.${o.state}`, { defaultValue: o.state }),
          at(o.publishedAt),
          printable(o.url ?? '—', 500),
        ],
        t('statements.notPublished'),
      );
    }
  });

  await section('reactions', 10, () => {
    pdf.paragraph(t('reactions.intro', { hours: data.reactions[0]?.windowHours ?? 6 }));
    if (data.reactions.length === 0) return nothing(t('summary.noStatement'));
    for (const r of data.reactions) {
      pdf.heading(t('reactions.heading', { title: printable(r.title, 200), at: at(r.publishedAt), channels: r.channels.join(', ') }), 2);
      if (r.watches.length === 0) {
        nothing(t('reactions.noWatch'));
        continue;
      }
      const rows: string[][] = [];
      for (const w of r.watches) {
        const span = r.windowHours * 3_600_000;
        const published = Date.parse(r.publishedAt);
        for (const [label, win] of [
          [Date.parse(w.before.from) > published - span ? t('reactions.beforeSince', { at: at(w.before.from) }) : t('reactions.before'), w.before],
          [Date.parse(w.after.to) < published + span ? t('reactions.afterUntil', { at: at(w.after.to) }) : t('reactions.after'), w.after],
        ] as const) {
          rows.push([
            printable(w.watchName, 200),
            label,
            num.format(win.mentions),
            pct(win.negativeShare),
            printable(win.topTerms.map((t) => `${t.term} (${t.count})`).join(', '), 500) || '—',
          ]);
        }
      }
      pdf.table(
        [
          { header: t('reactions.watch'), width: 1.3, bold: true },
          { header: t('reactions.window'), width: 0.7 },
          { header: t('reactions.mentions'), width: 0.8 },
          { header: t('reactions.negative'), width: 0.9 },
          { header: t('reactions.terms'), width: 3.2 },
        ],
        rows,
      );
      const before = r.watches.reduce((sum, w) => sum + w.before.mentions, 0);
      const after = r.watches.reduce((sum, w) => sum + w.after.mentions, 0);
      const tonedB = r.watches.reduce((sum, w) => sum + w.before.toned, 0);
      const tonedA = r.watches.reduce((sum, w) => sum + w.after.toned, 0);
      const negB = r.watches.reduce((sum, w) => sum + w.before.negative, 0);
      const negA = r.watches.reduce((sum, w) => sum + w.after.negative, 0);
      const volume = before === 0 ? '—' : change.format((after - before) / before);
      const share =
        tonedB === 0 || tonedA === 0 ? '—' : `${pct(negB / tonedB)} → ${pct(negA / tonedA)}`;
      pdf.paragraph(t('reactions.change', { volume, share }));
    }
  });

  await section('queue', 11, () => {
    const q = data.queue;
    if (q.flagged === 0) nothing(t('queue.noneFlagged'));
    else {
      const n = (r: Record<string, number>, k: string) => r[k] ?? 0;
      pdf.paragraph(
        t('queue.flagged', {
          flagged: q.flagged,
          question: n(q.byReason, 'question'),
          complaint: n(q.byReason, 'complaint'),
          journalist: n(q.byReason, 'journalist'),
          manual: n(q.byReason, 'manual'),
        }),
      );
      pdf.paragraph(
        t('queue.states', {
          open: n(q.byState, 'open'),
          replying: n(q.byState, 'replying'),
          answered: n(q.byState, 'answered'),
          offline: n(q.byState, 'offline'),
          dismissed: n(q.byState, 'dismissed'),
        }),
      );
      pdf.paragraph(t('queue.handled', { median: q.medianHandledMs === null ? '—' : duration(q.medianHandledMs) }));
    }
    const replies = data.statements.filter((d) => d.statement.kind === 'reply');
    if (replies.length === 0) return nothing(t('queue.none'));
    pdf.paragraph(
      t('queue.replies', {
        total: replies.length,
        approved: replies.filter((d) => d.statement.approvalState === 'approved').length,
        published: replies.filter((d) => d.outbox.some((o) => o.state === 'published')).length,
      }),
    );
    const m = median(data.replyDelaysMs);
    pdf.paragraph(t('queue.median', { median: m === null ? '—' : duration(m) }));
  });

  await section('lessons', 12, () => {
    const { retex } = data;
    if (!retex.whatHappened && !retex.wentWell && !retex.wentBadly && retex.actions.length === 0 && data.lessons.length === 0) {
      nothing(t('lessons.none'));
    }
    pdf.heading(tAll('retex.timings.title'), 2);
    pdf.table(
      [
        { header: tAll('retex.timings.measure'), width: 2.6 },
        { header: tAll('retex.timings.from'), width: 1.2 },
        { header: tAll('retex.timings.to'), width: 1.2 },
        { header: tAll('retex.timings.delay'), width: 1 },
      ],
      TIMING_KEYS.map((key) => {
        const timing = retex.timings[key];
        return [
          tAll(`retex.timings.${key}`),
          timing.from ? at(timing.from) : '—',
          timing.at ? at(timing.at) : '—',
          timing.minutes === null ? tAll('retex.timings.notReached') : duration(timing.minutes * 60_000),
        ];
      }),
    );
    recoverySection();
    if (retex.updatedAt && retex.updatedBy) {
      pdf.paragraph(tAll('retex.account.updated', { person: who(retex.updatedBy), date: at(retex.updatedAt) }), { muted: true });
    }
    if (retex.whatHappened) pdf.block(tAll('retex.account.whatHappened'), printable(retex.whatHappened, 10_000));
    if (retex.wentWell) pdf.block(tAll('retex.account.wentWell'), printable(retex.wentWell, 10_000));
    if (retex.wentBadly) pdf.block(tAll('retex.account.wentBadly'), printable(retex.wentBadly, 10_000));
    if (retex.actions.length) {
      pdf.heading(t('lessons.actions'), 2);
      pdf.table(
        [
          { header: tAll('retex.actions.text'), width: 2.4 },
          { header: tAll('retex.actions.ownerPerson'), width: 1.3 },
          { header: tAll('retex.actions.due'), width: 0.9 },
          { header: tAll('retex.actions.status'), width: 1.2 },
          { header: tAll('retex.actions.planChange'), width: 1.8 },
        ],
        retex.actions.map((a) => [
          printable(a.text, 1000),
          `${printable(a.owner.person, 120)}\n${roleName(a.owner.roleId)}`,
          dueDate(a.dueDate),
          a.doneAt ? tAll('retex.actions.doneOn', { date: at(a.doneAt), person: who(a.doneBy ?? '') }) : tAll('retex.actions.open'),
          a.planChange
            ? `${printable(describePlanChange(a.planChange, tAll, language), 500)}\n${tAll(`retex.change.states.${a.planChangeState ?? 'proposed'}`, { revision: a.planRevision ?? '' })}`
            : '—',
        ]),
      );
    }
    pdf.heading(tAll('retex.followUp.title'), 2);
    pdf.paragraph(tAll('retex.followUp.progress', { done: retex.followUp.filter((step) => step.doneAt).length, total: retex.followUp.length }));
    pdf.table(
      [
        { header: tAll('retex.actions.text'), width: 4 },
        { header: tAll('retex.actions.status'), width: 2 },
      ],
      retex.followUp.map((step) => [
        tAll(`retex.followUp.items.${step.item}`),
        step.doneAt ? tAll('retex.followUp.doneOn', { date: at(step.doneAt), person: who(step.doneBy ?? '') }) : tAll('retex.followUp.toDo'),
      ]),
    );
    if (data.lessons.length === 0) return;
    pdf.heading(t('lessons.intro', { count: data.lessons.length }), 2);
    for (const lesson of data.lessons) {
      const who = lesson.author ? authorWithRole(lesson.author, lesson.authorRole) : t('lessons.anonymous');
      pdf.heading(t('lessons.by', { author: who, date: at(lesson.submittedAt) }), 3);
      if (lesson.wentWell) pdf.block(t('lessons.wentWell'), printable(lesson.wentWell, 10_000));
      if (lesson.wentBadly) pdf.block(t('lessons.wentBadly'), printable(lesson.wentBadly, 10_000));
      if (lesson.actions.length) pdf.bullets(lesson.actions.map((a) => t('lessons.action', { action: printable(a.action, 1000), owner: printable(a.owner, 120) })));
    }
  });

  await section('regulatory', 13, () => {
    const tc = translator(language, 'clocks.report');
    if (data.clocks.length === 0) return nothing(tc('none'));
    for (const clock of data.clocks) {
      const { obligation } = clock;
      pdf.heading(printable(obligation.name[language], 200), 2);
      pdf.paragraph(
        tc('classified', { person: who(clock.classifiedBy), date: at(clock.classifiedAt), awareness: at(clock.awarenessAt), source: printable(obligation.source[language], 500) }),
        { size: 9 },
      );
      pdf.table(
        [
          { header: tc('step'), width: 1.9, bold: true },
          { header: tc('deadline'), width: 1.9 },
          { header: tc('sent'), width: 2.4 },
          { header: tc('outcome'), width: 1, bold: true },
        ],
        clock.steps.map((s) => {
          const step = obligation.steps.find((o) => o.id === s.stepId);
          const sent = s.sentAt ? `${at(s.sentAt)}${s.sentBy ? ` — ${who(s.sentBy)}` : ''}${s.sentWhat ? `\n${printable(s.sentWhat, 500)}` : ''}` : tc('notSent');
          return [printable(step?.name[language] ?? s.stepId, 200), s.dueAt ? at(s.dueAt) : tc('noDeadline'), sent, tc(s.status)];
        }),
      );
    }
  });

  await section('press', 14, () => {
    const tp = translator(language, 'press.report');
    const { inquiries, summary } = data.press;
    if (inquiries.length === 0) return nothing(tp('none'));
    pdf.paragraph(tp('summary', { ...summary, onTime: summary.answeredOnTime, late: summary.answeredLate }));
    pdf.table(
      [
        { header: tp('deadline'), width: 1.1 },
        { header: tp('journalist'), width: 1.4 },
        { header: tp('question'), width: 2.4 },
        { header: tp('spokesperson'), width: 1.2 },
        { header: tp('outcome'), width: 1.6 },
      ],
      inquiries.map((i) => [
        atShort(i.deadline),
        `${printable(i.person, 200)}\n${printable(i.outlet, 200)}`,
        printable(i.question, 600),
        i.spokesperson ? `${who(i.spokesperson.person)}\n${printable(roleName(i.spokesperson.roleId) || i.spokesperson.roleId, 80)}` : '—',
        `${tAll(`press.status.${i.status}`)}${i.status !== 'late' && i.late ? ` (${tp('afterDeadline')})` : ''}${i.closedAt ? `\n${atShort(i.closedAt)}` : ''}${i.answer ? `\n${printable(i.answer, 300)}` : ''}`,
      ]),
    );
  });

  await section('compensation', 15, () => {
    const tc = translator(language, 'compensation.report');
    const { cases, totals, requiredRoles } = data.compensation;
    if (cases.length === 0) return nothing(tc('none'));
    const money = (minor: number, currency: string) => formatAmount(minor, currency, language);
    pdf.paragraph(tc('intro', { count: cases.length, roles: requiredRoles.map((r) => roleName(r) || r).join(', ') }));
    pdf.table(
      [
        { header: tc('currency'), width: 0.8, bold: true },
        { header: tc('cases'), width: 0.7 },
        { header: tc('proposed'), width: 1.2 },
        { header: tc('committed'), width: 1.2 },
        { header: tc('done'), width: 1.2 },
        { header: tc('rejected'), width: 0.8 },
      ],
      totals.map((x) => [x.currency, num.format(x.cases), money(x.proposedMinor, x.currency), money(x.committedMinor, x.currency), money(x.doneMinor, x.currency), num.format(x.rejected)]),
    );
    // The report is an export too: cases are named by number, never by customer.
    pdf.table(
      [
        { header: tc('case'), width: 0.5 },
        { header: tc('gesture'), width: 2.4 },
        { header: tc('amount'), width: 1.1 },
        { header: tc('status'), width: 1 },
        { header: tc('approvals'), width: 2 },
      ],
      cases.map((c) => [
        `#${c.id}`,
        printable(c.gesture, 500),
        money(c.amountMinor, c.currency),
        tAll(`compensation.status.${c.status}`),
        c.decisions.map((d) => `${tAll(`compensation.decision.${d.decision}`)} — ${who(d.person)} (${printable(roleName(d.role) || d.role, 80)})`).join('\n') || '—',
      ]),
    );
  });

  await section('appendix', 16, () => {
    if (data.topMentions.length === 0) return nothing();
    pdf.paragraph(t('appendix.intro', { count: data.topMentions.length }));
    pdf.table(
      [
        { header: t('appendix.author'), width: 1.2 },
        { header: t('appendix.audience'), width: 0.95 },
        { header: t('appendix.when'), width: 1 },
        { header: t('appendix.source'), width: 0.8 },
        { header: t('appendix.tone'), width: 0.85 },
        { header: t('appendix.text'), width: 3.2 },
      ],
      data.topMentions.map((m) => [
        printable(m.authorName ?? m.authorHandle ?? '?', 120),
        m.authorAudience === null ? '—' : num.format(m.authorAudience),
        at(m.publishedAt),
        printable(m.sourceName ?? m.sourceKind, 80),
        t(`tones.${m.toneClass ?? 'none'}`, { defaultValue: '—' }),
        printable(`${m.title ? `${m.title} — ` : ''}${m.text}`, 600),
      ]),
    );
  });

  await checkpoint('finish', 0.92);
  const lastPage = pdf.pageNumber;
  pdf.goToPage(contentsPage, contentsTop);
  pdf.table(
    [
      { header: '', width: 5 },
      { header: '', width: 0.8 },
    ],
    SECTION_ORDER.map((key, i) => [`${i + 1}. ${t(`sections.${key}`)}`, String(sectionPages[key])]),
    { header: false },
  );
  const buffer = await pdf.finish((page, count) => t('page', { page, count }));
  return { pdf: buffer, pages: lastPage, sectionPages };
}
