// The PDF incident report: cover, contents with page numbers, then one section per part of the record.
// Every section is printed even when empty (it says so): an absent section reads as a lost one.
import { composerEn, composerFr } from '../../../shared/i18n/composer';
import { incidentsEn, incidentsFr } from '../../../shared/i18n/incidents';
import { planEn, planFr } from '../../../shared/i18n/plan';
import { reportsEn, reportsFr } from '../../../shared/i18n/reports';
import type { Language } from '../../../shared/domain/workspace';
import type { CrisisLevel } from '../../../shared/domain/detection';
import { PdfWriter, type TableColumn } from '../../platform/pdf/pdfWriter';
import { CHART_ASPECT, toneChartSvg, volumeChartSvg } from './reportCharts';
import type { ReportData } from './reportData';
import { printable } from './printable';

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

const fill = (text: string, values: Record<string, string | number>): string =>
  text.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));

const median = (values: readonly number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export async function renderIncidentReport(data: ReportData, options: RenderOptions): Promise<RenderedReport> {
  const { language, timeZone } = options;
  const checkpoint = options.checkpoint ?? (async () => undefined);
  const s: Strings = language === 'fr' ? (reportsFr.pdf as Strings) : reportsEn.pdf;
  const plan = language === 'fr' ? planFr : planEn;
  const composer = language === 'fr' ? composerFr : composerEn;
  const breakReasons = (language === 'fr' ? incidentsFr : incidentsEn).log.reason;
  const integrityLine = (): string =>
    data.integrity.ok
      ? fill(s.log.integrityOk, { checked: data.integrity.checked, hash: data.integrity.headHash ?? '—' })
      : fill(s.log.integrityBroken, {
          seq: data.integrity.firstBroken?.seq ?? '?',
          reason: data.integrity.firstBroken ? breakReasons[data.integrity.firstBroken.reason] : '?',
        });
  const locale = language === 'fr' ? 'fr-CH' : 'en-GB';
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const at = (iso: string | null | undefined): string => (iso ? dateTime.format(new Date(iso)) : s.cover.notYet);
  // Narrow table columns (the log can run to thousands of rows): numeric dates keep each row to two lines.
  const compact = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone });
  const atShort = (iso: string | null | undefined): string => (iso ? compact.format(new Date(iso)) : s.cover.notYet);
  const num = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const pct = (share: number | null): string => (share === null ? '—' : percent.format(share));
  const change = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0, signDisplay: 'always' });
  const duration = (ms: number): string => {
    const minutes = Math.round(ms / 60_000);
    if (minutes < 60) return `${minutes} min`;
    const h = Math.floor(minutes / 60);
    return `${h} h ${String(minutes % 60).padStart(2, '0')}`;
  };
  const { incident, workspace } = data;
  const exercise = workspace.kind === 'exercise';
  const scenarioName = plan.scenarioKinds[incident.scenarioKind as keyof typeof plan.scenarioKinds] ?? incident.scenarioKind;
  const roleName = (roleId: string | null): string =>
    roleId === null ? '' : (incident.roster.find((r) => r.roleId === roleId)?.name[language] ?? roleId);

  const pdf = new PdfWriter({
    title: `${s.title} — ${incident.title}`,
    language,
    exerciseMark: exercise ? s.exercise : undefined,
    header: `${exercise ? `${s.exercise} · ` : ''}${s.title} · ${printable(incident.title, 120)} · ${s.classification}`,
    footer: `${data.organisation} · ${fill(s.generated, { date: at(data.generatedAt) })}`,
    createdAt: new Date(data.generatedAt),
  });
  const sectionPages = {} as Record<SectionKey, number>;
  const section = async (key: SectionKey, index: number, body: () => void | Promise<void>) => {
    await checkpoint('layout', 0.3 + (0.6 * index) / SECTION_ORDER.length);
    pdf.newPage();
    sectionPages[key] = pdf.pageNumber;
    pdf.heading(`${index + 1}. ${s.sections[key]}`);
    await body();
  };
  const nothing = (text: string = s.none) => pdf.paragraph(text, { italic: true });
  /** A table of the items, or one line saying there are none. */
  const tableOrNothing = <T>(items: readonly T[], columns: readonly TableColumn[], row: (item: T) => string[], empty?: string) =>
    items.length === 0 ? nothing(empty) : pdf.table(columns, items.map(row));
  const authorWithRole = (author: string, role: string | null): string =>
    `${printable(author, 120)}${role ? ` (${printable(roleName(role) || role, 80)})` : ''}`;
  const integrityParagraph = () => pdf.paragraph(integrityLine(), { size: 9 });

  // Cover
  if (exercise) pdf.paragraph(s.exercise, { size: 28 });
  pdf.title(s.title, printable(incident.title, 200));
  pdf.table(
    [
      { header: '', width: 1, bold: true },
      { header: '', width: 2.4 },
    ],
    [
      [s.cover.organisation, printable(data.organisation, 200)],
      [s.cover.watches, printable(data.series.map((w) => w.watchName).join(', ') || '—', 600)],
      [s.cover.scenario, scenarioName],
      [s.cover.severity, s.severities[incident.severity]],
      [s.cover.status, s.statuses[incident.status]],
      [s.cover.opened, at(incident.openedAt)],
      [s.cover.active, at(incident.activeAt)],
      [s.cover.stabilised, at(incident.stabilisedAt)],
      [s.cover.closed, at(incident.closedAt)],
      [s.cover.window, `${at(data.window.from)} → ${at(data.window.to)}${incident.scope.end === null ? ` ${s.cover.ongoing}` : ''}`],
      [s.cover.timeZone, timeZone],
    ],
    { header: false },
  );
  pdf.paragraph(s.classification, { italic: true });
  pdf.paragraph(fill(s.generated, { date: at(data.generatedAt) }), { muted: true });

  // Contents: its page is reserved now and filled once every section knows its page.
  pdf.newPage();
  const contentsPage = pdf.pageNumber;
  pdf.heading(s.contents);
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
      fill(s.summary.opened, {
        title: printable(incident.title, 200),
        date: at(incident.openedAt),
        by: printable(incident.openedBy, 120),
        scenario: scenarioName,
        severity: s.severities[incident.severity],
        status: s.statuses[incident.status],
      }),
    );
    if (incident.summary) pdf.paragraph(printable(incident.summary, 5000), { italic: true });
    pdf.paragraph(
      fill(s.summary.counts, {
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
      first ? fill(s.summary.firstStatement, { delay: duration(Date.parse(first.publishedAt) - Date.parse(incident.openedAt)) }) : s.summary.noStatement,
    );
    if (calls.length > 0) {
      const m = median(ackDelays);
      pdf.paragraph(fill(s.summary.mobilised, { acked: ackDelays.length, calls: calls.length, median: m === null ? '—' : duration(m) }));
    }
    pdf.paragraph(fill(s.summary.checklist, { done: checklistDone.length, total: incident.checklist.length, late: lateDone.length }));
    let peak: { count: number; watch: string; hour: number } | null = null;
    for (const series of data.series) {
      for (const p of series.points) if (!peak || p.count > peak.count) peak = { count: p.count, watch: series.watchName, hour: p.hour };
    }
    if (peak) pdf.paragraph(fill(s.summary.peak, { count: num.format(peak.count), watch: printable(peak.watch, 200), date: at(new Date(peak.hour * 3_600_000).toISOString()) }));
    integrityParagraph();
  });

  await section('levels', 1, () => {
    const rows: { at: string; event: string; level: string }[] = [];
    rows.push({ at: incident.openedAt, event: s.levels.incidentOpened, level: '' });
    if (incident.activeAt) rows.push({ at: incident.activeAt, event: s.levels.incidentActive, level: '' });
    if (incident.stabilisedAt) rows.push({ at: incident.stabilisedAt, event: s.levels.incidentStabilised, level: '' });
    if (incident.closedAt) rows.push({ at: incident.closedAt, event: s.levels.incidentClosed, level: '' });
    for (const c of data.levelChanges) {
      const level = s.levelNames[c.level as CrisisLevel] ?? c.level;
      rows.push({ at: c.at, event: fill(s.levels.levelChanged, { watch: printable(c.watchName, 200) }), level });
    }
    rows.sort((a, b) => a.at.localeCompare(b.at));
    pdf.table(
      [
        { header: s.levels.at, width: 1.2 },
        { header: s.levels.event, width: 3 },
        { header: s.levels.level, width: 1, bold: true },
      ],
      rows.map((r) => [at(r.at), r.event, r.level]),
    );
  });

  await checkpoint('charts', 0.35);
  const chartInput = { series: data.series, alerts: data.alerts, reactions: data.reactions, window: data.window, language, timeZone };
  const volumeSvg = volumeChartSvg(chartInput, s.charts);
  const toneSvg = toneChartSvg(chartInput, s.charts);
  await section('charts', 2, () => {
    pdf.svg(volumeSvg, CHART_ASPECT);
    pdf.svg(toneSvg, CHART_ASPECT);
    pdf.paragraph(s.charts.legend, { muted: true, size: 9 });
  });

  await section('alerts', 3, () => {
    if (data.alerts.length === 0) return nothing();
    for (const a of data.alerts) {
      const e = a.explanation;
      pdf.heading(fill(s.alerts.heading, { level: s.levelNames[a.level], watch: printable(a.watchName, 200), opened: at(a.openedAt) }), 2);
      pdf.paragraph(
        fill(s.alerts.status, {
          status: s.alerts.statusNames[a.status],
          by: a.statusBy ? ` (${printable(a.statusBy, 120)}${a.statusReason ? ` — ${printable(a.statusReason, 500)}` : ''})` : '',
          closed: at(a.closedAt),
        }),
      );
      pdf.heading(s.alerts.why, 3);
      pdf.bullets(
        e.signals
          .filter((sig) => sig.level !== 'calm')
          .map((sig) =>
            fill(s.alerts.signalLine, {
              signal: s.alerts.signal[sig.kind],
              value: num.format(Math.round(sig.value * 100) / 100),
              reference: sig.reference === null ? '—' : num.format(Math.round(sig.reference * 100) / 100),
              level: s.levelNames[sig.level],
              items: sig.items.length ? ` — ${printable(sig.items.slice(0, 8).join(', '), 400)}` : '',
            }),
          ),
      );
      if (e.topTerms.length) pdf.paragraph(fill(s.alerts.terms, { terms: printable(e.topTerms.map((t) => `${t.term} (${t.count})`).join(', '), 800) }));
      if (e.topAuthors.length)
        pdf.paragraph(
          fill(s.alerts.authors, {
            authors: printable(e.topAuthors.map((x) => `${x.name}${x.audience ? ` (${num.format(x.audience)})` : ''}`).join(', '), 800),
          }),
        );
      if (e.samples.length) {
        pdf.heading(s.alerts.samples, 3);
        pdf.bullets(e.samples.map((m) => `${at(m.publishedAt)} — ${printable(m.author ?? '?', 120)} : ${printable(m.text, 400)}`));
      }
    }
  });

  await section('log', 4, async () => {
    integrityParagraph();
    pdf.paragraph(fill(s.log.count, { count: data.log.length }));
    if (data.log.length === 0) return nothing();
    const base = 0.3 + (0.6 * 4) / SECTION_ORDER.length;
    await pdf.tableYielding(
      [
        { header: s.log.seq, width: 0.45 },
        { header: s.log.occurred, width: 0.95 },
        { header: s.log.entered, width: 0.95 },
        { header: s.log.kind, width: 1.05 },
        { header: s.log.author, width: 1.4 },
        { header: s.log.verification, width: 0.95 },
        { header: s.log.body, width: 3.3 },
      ],
      data.log.map((e) => [
        String(e.seq),
        atShort(e.occurredAt),
        atShort(e.enteredAt),
        s.kinds[e.kind],
        authorWithRole(e.author, e.authorRole),
        s.verification[e.verification],
        `${printable(e.body, 2000)}${e.pinned ? ` [${s.log.pinned}]` : ''}${e.correctedById ? ` [${s.log.corrected}]` : ''}`,
      ]),
      LOG_ROWS_PER_STEP,
      (done) => checkpoint('layout', base + (0.6 / SECTION_ORDER.length) * (done / data.log.length)),
    );
  });

  await section('decisions', 5, () => {
    tableOrNothing(
      decisions,
      [
        { header: s.log.occurred, width: 1.1 },
        { header: s.log.author, width: 1.4 },
        { header: s.log.verification, width: 0.9 },
        { header: s.log.body, width: 4 },
      ],
      (e) => [
        atShort(e.occurredAt),
        authorWithRole(e.author, e.authorRole),
        s.verification[e.verification],
        printable(e.body, 2000),
      ],
    );
  });

  await section('roster', 6, () => {
    tableOrNothing(
      incident.roster,
      [
        { header: s.roster.role, width: 1.3, bold: true },
        { header: s.roster.holder, width: 1.3 },
        { header: s.roster.deputies, width: 1.4 },
        { header: s.roster.history, width: 3 },
      ],
      (r) => [
        r.name[language],
        r.holder ? printable(r.holder.name, 120) : s.roster.vacant,
        r.deputies.map((d) => printable(d.name, 120)).join(', '),
        r.history
          .map((h) =>
            fill(s.roster.period, {
              person: printable(h.person.name, 120),
              from: at(h.fromAt),
              until: h.untilAt ? fill(s.roster.until, { at: at(h.untilAt) }) : '',
              by: h.handedOverBy ? fill(s.roster.by, { by: printable(h.handedOverBy, 120) }) : '',
            }),
          )
          .join('\n'),
      ],
    );
  });

  await section('mobilisation', 7, () => {
    const m = incident.mobilisation;
    if (!m) return nothing(s.mobilisation.none);
    pdf.paragraph(fill(s.mobilisation.started, { at: at(m.startedAt), by: printable(m.startedBy, 120) }));
    pdf.table(
      [
        { header: s.mobilisation.role, width: 1.4, bold: true },
        { header: s.mobilisation.person, width: 1.4 },
        { header: s.mobilisation.alerted, width: 1.2 },
        { header: s.mobilisation.acknowledged, width: 1.2 },
        { header: s.mobilisation.delay, width: 0.8 },
      ],
      m.calls.map((c) => [
        roleName(c.roleId),
        printable(c.personName, 120),
        at(c.alertedAt),
        c.acknowledgedAt ? at(c.acknowledgedAt) : s.mobilisation.waiting,
        c.acknowledgedAt ? duration(Date.parse(c.acknowledgedAt) - Date.parse(c.alertedAt)) : '—',
      ]),
    );
  });

  await section('checklist', 8, () => {
    pdf.paragraph(fill(s.summary.checklist, { done: checklistDone.length, total: incident.checklist.length, late: lateDone.length }));
    if (incident.checklist.length === 0) return;
    pdf.table(
      [
        { header: s.checklist.item, width: 3 },
        { header: s.checklist.owner, width: 1.2 },
        { header: s.checklist.due, width: 1.1 },
        { header: s.checklist.status, width: 0.9 },
        { header: s.checklist.done, width: 1.4 },
      ],
      incident.checklist.map((i) => [
        printable(i.text[language] || i.text.fr || i.text.en, 1000),
        roleName(i.ownerRole),
        at(i.dueAt),
        `${s.checklist.statuses[i.status]}${i.status === 'done' && i.doneAt && i.doneAt > i.dueAt ? ` (${s.checklist.late})` : ''}`,
        i.doneAt ? `${at(i.doneAt)}${i.doneBy ? `\n${printable(i.doneBy, 120)}` : ''}` : '—',
      ]),
    );
  });

  await section('statements', 9, () => {
    if (data.statements.length === 0) return nothing();
    for (const d of data.statements) {
      const st = d.statement;
      pdf.heading(printable(st.title, 200), 2);
      pdf.paragraph(
        fill(s.statements.meta, {
          kind: composer.kinds[st.kind],
          revision: st.revision,
          state: s.statements.approvalStates[st.approvalState],
          created: at(st.createdAt),
          by: printable(st.createdBy, 120),
        }),
        { muted: true },
      );
      pdf.block(s.statements.fr, printable(st.textFr, 20_000) || '—');
      pdf.block(s.statements.en, printable(st.textEn, 20_000) || '—');
      pdf.heading(s.statements.approvals, 3);
      tableOrNothing(
        d.decisions,
        [
          { header: s.statements.person, width: 1.6 },
          { header: s.statements.decision, width: 1 },
          { header: s.statements.when, width: 1.1 },
          { header: s.statements.hash, width: 2.6 },
        ],
        (x) => [
          `${printable(x.person, 120)} (${printable(roleName(x.role) || x.role, 80)})`,
          `${s.statements.decisions[x.decision]}${x.reason ? ` — ${printable(x.reason, 500)}` : ''}`,
          at(x.decidedAt),
          `${x.contentHash}\n${x.current ? s.statements.current : s.statements.superseded}`,
        ],
      );
      pdf.heading(s.statements.publication, 3);
      tableOrNothing(
        d.outbox,
        [
          { header: s.statements.channel, width: 1 },
          { header: s.statements.state, width: 1 },
          { header: s.statements.publishedAt, width: 1.3 },
          { header: 'URL', width: 3 },
        ],
        (o) => [`${o.channel} (${o.language})`, o.state, at(o.publishedAt), printable(o.url ?? '—', 500)],
        s.statements.notPublished,
      );
    }
  });

  await section('reactions', 10, () => {
    pdf.paragraph(fill(s.reactions.intro, { hours: data.reactions[0]?.windowHours ?? 6 }));
    if (data.reactions.length === 0) return nothing(s.summary.noStatement);
    for (const r of data.reactions) {
      pdf.heading(fill(s.reactions.heading, { title: printable(r.title, 200), at: at(r.publishedAt), channels: r.channels.join(', ') }), 2);
      if (r.watches.length === 0) {
        nothing(s.reactions.noWatch);
        continue;
      }
      const rows: string[][] = [];
      for (const w of r.watches) {
        for (const [label, win] of [
          [s.reactions.before, w.before],
          [s.reactions.after, w.after],
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
          { header: s.reactions.watch, width: 1.3, bold: true },
          { header: s.reactions.window, width: 0.7 },
          { header: s.reactions.mentions, width: 0.8 },
          { header: s.reactions.negative, width: 0.9 },
          { header: s.reactions.terms, width: 3.2 },
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
      pdf.paragraph(fill(s.reactions.change, { volume, share }));
    }
  });

  await section('queue', 11, () => {
    const q = data.queue;
    if (q.flagged === 0) nothing(s.queue.noneFlagged);
    else {
      const n = (r: Record<string, number>, k: string) => r[k] ?? 0;
      pdf.paragraph(
        fill(s.queue.flagged, {
          flagged: q.flagged,
          question: n(q.byReason, 'question'),
          complaint: n(q.byReason, 'complaint'),
          journalist: n(q.byReason, 'journalist'),
          manual: n(q.byReason, 'manual'),
        }),
      );
      pdf.paragraph(
        fill(s.queue.states, {
          open: n(q.byState, 'open'),
          replying: n(q.byState, 'replying'),
          answered: n(q.byState, 'answered'),
          offline: n(q.byState, 'offline'),
          dismissed: n(q.byState, 'dismissed'),
        }),
      );
      pdf.paragraph(fill(s.queue.handled, { median: q.medianHandledMs === null ? '—' : duration(q.medianHandledMs) }));
    }
    const replies = data.statements.filter((d) => d.statement.kind === 'reply');
    if (replies.length === 0) return nothing(s.queue.none);
    pdf.paragraph(
      fill(s.queue.replies, {
        total: replies.length,
        approved: replies.filter((d) => d.statement.approvalState === 'approved').length,
        published: replies.filter((d) => d.outbox.some((o) => o.state === 'published')).length,
      }),
    );
    const m = median(data.replyDelaysMs);
    pdf.paragraph(fill(s.queue.median, { median: m === null ? '—' : duration(m) }));
  });

  await section('lessons', 12, () => {
    if (data.lessons.length === 0) return nothing(s.lessons.none);
    pdf.paragraph(fill(s.lessons.intro, { count: data.lessons.length }));
    for (const lesson of data.lessons) {
      const who = lesson.author ? authorWithRole(lesson.author, lesson.authorRole) : s.lessons.anonymous;
      pdf.heading(fill(s.lessons.by, { author: who, date: at(lesson.submittedAt) }), 3);
      if (lesson.wentWell) pdf.block(s.lessons.wentWell, printable(lesson.wentWell, 10_000));
      if (lesson.wentBadly) pdf.block(s.lessons.wentBadly, printable(lesson.wentBadly, 10_000));
      if (lesson.actions.length) pdf.bullets(lesson.actions.map((a) => fill(s.lessons.action, { action: printable(a.action, 1000), owner: printable(a.owner, 120) })));
    }
  });

  await section('appendix', 13, () => {
    if (data.topMentions.length === 0) return nothing();
    pdf.paragraph(fill(s.appendix.intro, { count: data.topMentions.length }));
    pdf.table(
      [
        { header: s.appendix.author, width: 1.3 },
        { header: s.appendix.audience, width: 0.8 },
        { header: s.appendix.when, width: 1 },
        { header: s.appendix.source, width: 0.8 },
        { header: s.appendix.tone, width: 0.7 },
        { header: s.appendix.text, width: 3.4 },
      ],
      data.topMentions.map((m) => [
        printable(m.authorName ?? m.authorHandle ?? '?', 120),
        m.authorAudience === null ? '—' : num.format(m.authorAudience),
        at(m.publishedAt),
        printable(m.sourceName ?? m.sourceKind, 80),
        s.tones[(m.toneClass ?? 'none') as keyof Strings['tones']] ?? '—',
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
    SECTION_ORDER.map((key, i) => [`${i + 1}. ${s.sections[key]}`, String(sectionPages[key])]),
    { header: false },
  );
  const buffer = await pdf.finish((page, count) => fill(s.page, { page, count }));
  return { pdf: buffer, pages: lastPage, sectionPages };
}
