// The paper fallback kit: everything the cell needs when screens fail, printed from the plan.
import { STATEMENT_KINDS } from '../../../shared/domain/statement';
import {
  PHASES,
  durationToMinutes,
  type CrisisPlan,
  type DeadlineLimit,
  type Obligation,
  type Person,
  type Role,
  type RoleId,
} from '../../../shared/domain/plan';
import type { Language } from '../../../shared/domain/workspace';
import { PdfWriter } from '../../platform/pdf/pdfWriter';
import { localeOf, translator, type Translate } from '../../platform/i18n/translator';

export interface PaperKitInput {
  readonly plan: CrisisPlan;
  readonly revision: number;
  readonly language: Language;
  readonly exercise: boolean;
  /** The shipped sample company's plan, not yet edited: every page says so. */
  readonly sample?: boolean;
  readonly printedAt: Date;
  /** IANA time zone of the people printing it, so times on paper match their wall clocks. */
  readonly timeZone?: string;
}

/** A deadline as hours and minutes in the reader's units ("2 h 30", "2h30"). */
const hoursLabel = (minutes: number, t: Translate): string => {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? t('kit.hoursMinutes', { hours, minutes: String(rest).padStart(2, '0') }) : t('kit.hours', { hours });
};

/** A phone number split over two lines gets misdialled: keep each one on a single line. */
const unbroken = (phone: string): string => phone.replace(/ /g, '\u00a0');

const phones = (person: Person): string => [person.phone, person.altPhone].filter(Boolean).map(unbroken).join('\n');

export async function renderPaperKit({ plan, revision, language, exercise, sample = false, printedAt, timeZone }: PaperKitInput): Promise<Buffer> {
  const t = translator(language, 'plan');
  const tAll = translator(language);
  const date = (value: Date) => new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'long', timeStyle: 'short', timeZone }).format(value);
  const roleName = (id: RoleId) => plan.roles.find((r) => r.id === id)?.name[language] ?? id;

  const pdf = new PdfWriter({
    title: `${t('kit.title')} — ${plan.metadata.organisation}`,
    language,
    exerciseMark: [exercise ? t('kit.exercise') : '', sample ? t('kit.sample') : ''].filter(Boolean).join(' · ') || undefined,
    footer: t('kit.footer', { organisation: plan.metadata.organisation, date: date(printedAt) }),
    createdAt: printedAt,
  });

  pdf.title(
    t('kit.title'),
    t('kit.subtitle', {
      organisation: plan.metadata.organisation,
      planTitle: plan.metadata.title[language],
      version: plan.metadata.version,
    }),
  );
  pdf.paragraph(
    t('kit.printed', { date: date(printedAt), revision, updated: date(new Date(plan.metadata.updatedAt)) }),
    { muted: true },
  );
  pdf.heading(t('kit.useTitle'), 2);
  pdf.paragraph(t('kit.use'));

  pdf.heading(t('kit.rosterTitle'));
  pdf.table(
    [
      { header: t('kit.role'), width: 2.1, bold: true },
      { header: t('kit.holder'), width: 3.1 },
      { header: t('kit.phones'), width: 2.2 },
      { header: t('kit.deputies'), width: 3.1 },
    ],
    plan.roles.map((role) => [
      role.name[language],
      role.holder ? [role.holder.name, role.holder.title, role.holder.email].filter(Boolean).join('\n') : '—',
      role.holder ? phones(role.holder) : '',
      role.deputies.map((d, i) => `${i + 1}. ${d.name}\n${[d.phone, d.altPhone].filter(Boolean).map(unbroken).join(' / ')}`).join('\n'),
    ]),
  );

  pdf.heading(t('kit.callTreeTitle'));
  pdf.paragraph(t('kit.callTreeHelp'), { muted: true });
  renderCallTree(pdf, plan.roles, language, t('kit.callsFrom'));

  pdf.heading(t('kit.escalationTitle'), 2);
  pdf.paragraph(t('kit.escalationHelp'), { muted: true });
  const { escalation } = plan;
  const minutes = (value: number) => t('kit.minutes', { minutes: value });
  pdf.table(
    [
      { header: t('kit.level'), width: 1.4, bold: true },
      { header: t('kit.firstRoles'), width: 4.6 },
      { header: t('kit.deputyAfter'), width: 1.4 },
      { header: t('kit.callTreeAfter'), width: 1.4 },
      { header: t('kit.crisisLeadAfter'), width: 1.6 },
    ],
    (['vigilance', 'alert', 'crisis'] as const).map((level) => {
      const l = escalation.levels[level];
      return [tAll(`notify.levels.${level}`), l.first.map(roleName).join(', '), minutes(l.deputyAfterMinutes), minutes(l.callTreeAfterMinutes), minutes(l.crisisLeadAfterMinutes)];
    }),
  );
  if (escalation.meeting.place[language]) pdf.paragraph(t('kit.meeting', { minutes: escalation.meeting.withinMinutes, place: escalation.meeting.place[language] }));

  pdf.heading(t('kit.thresholdsTitle'), 2);
  const d = plan.thresholds.defaults;
  pdf.paragraph(
    t('kit.thresholds', {
      vigilance: d.volumeRatio.vigilance,
      alert: d.volumeRatio.alert,
      crisis: d.volumeRatio.crisis,
      nv: d.negativeShareDelta.vigilance,
      na: d.negativeShareDelta.alert,
      nc: d.negativeShareDelta.crisis,
      audience: d.influentialAudience.toLocaleString(localeOf(language)),
    }),
  );
  if (d.vocabulary[language].length) pdf.paragraph(t('kit.vocabulary', { terms: d.vocabulary[language].join(', ') }));

  renderCharter(pdf, plan, language, t);

  pdf.heading(t('kit.approvalsTitle'), 2);
  pdf.paragraph(t('approvals.help'), { muted: true });
  pdf.table(
    [
      { header: t('approvals.kind'), width: 2.5 },
      { header: t('approvals.roles'), width: 5, bold: true },
    ],
    STATEMENT_KINDS.map((kind) => [tAll(`composer.kinds.${kind}`), plan.approvals[kind].map(roleName).join(', ')]),
  );

  if (plan.regulatory.obligations.length) {
    pdf.heading(t('kit.obligationsTitle'));
    pdf.paragraph(t('kit.obligationsHelp'), { muted: true });
    pdf.table(
      [
        { header: t('kit.obligation'), width: 3, bold: true },
        { header: t('kit.recipientOwner'), width: 2.2 },
        { header: t('kit.steps'), width: 5 },
      ],
      plan.regulatory.obligations.map((o) => [
        `${o.name[language]}\n${o.source[language]}`,
        `${o.recipient[language]}\n${roleName(o.ownerRole)}`,
        o.steps.map((s) => `☐ ${s.name[language]} — ${s.due[language]}\n${deadlineLabel(o, s.limits, language, t)}`).join('\n'),
      ]),
    );
  }
  if (plan.contacts.length) {
    pdf.heading(t('kit.contactsTitle'));
    pdf.table(
      [
        { header: t('kit.category'), width: 1.6 },
        { header: t('kit.name'), width: 2.5, bold: true },
        { header: t('kit.organisation'), width: 2.4 },
        { header: t('kit.phone'), width: 2.1 },
        { header: t('kit.email'), width: 2.8 },
      ],
      plan.contacts.map((c) => [t(`contactCategories.${c.category}`), c.name, c.organisation, unbroken(c.phone), c.email]),
    );
  }

  if (plan.campaigns.length) {
    pdf.heading(t('kit.campaignsTitle'));
    pdf.table(
      [
        { header: t('kit.campaign'), width: 2.8, bold: true },
        { header: t('kit.status'), width: 1.3 },
        { header: t('kit.owner'), width: 2.8 },
        { header: t('kit.howToFreeze'), width: 3.4 },
      ],
      plan.campaigns.map((c) => [
        [c.name, c.channels.join(', ')].filter(Boolean).join('\n'),
        t(`campaignStatuses.${c.status}`),
        [c.owner, unbroken(c.ownerPhone)].filter(Boolean).join('\n'),
        c.howToFreeze[language],
      ]),
    );
  }

  renderPressDesk(pdf, plan, language, t);
  renderCompensation(pdf, plan, language, t);

  pdf.newPage();
  pdf.heading(t('kit.missionsTitle'));
  for (const role of plan.roles) {
    const lines = [role.mission[language], ...role.instructions.map((i) => `• ${i[language]}`)].filter(Boolean);
    pdf.block(`${role.name[language]} — ${role.holder?.name ?? '—'}`, lines.join('\n'));
  }

  pdf.newPage();
  pdf.heading(t('kit.checklistsTitle'));
  plan.scenarios.forEach((scenario, index) => {
    const playbook = plan.playbooks.find((pb) => pb.id === scenario.playbookId);
    if (!playbook) return;
    if (index > 0) pdf.newPage();
    pdf.heading(scenario.name[language], 2);
    pdf.paragraph(t('kit.severityLine', { severity: t(`severities.${scenario.defaultSeverity}`), guidance: scenario.severityGuidance[language] }), { muted: true });
    for (const phase of PHASES) {
      const items = playbook.items
        .filter((item) => item.phase === phase)
        .sort((a, b) => durationToMinutes(a.deadline) - durationToMinutes(b.deadline));
      if (!items.length) continue;
      pdf.heading(t(`phases.${phase}`), 3);
      pdf.table(
        [
          { header: t('kit.done'), width: 0.8 },
          { header: t('kit.deadline'), width: 0.9, bold: true },
          { header: t('kit.action'), width: 6 },
          { header: t('kit.ownerRole'), width: 2.2 },
          { header: t('kit.time'), width: 1.1 },
        ],
        items.map((item) => ['☐', hoursLabel(durationToMinutes(item.deadline), t), item.text[language], roleName(item.ownerRole), '']),
      );
    }
  });

  const statements = plan.templates.filter((tpl) => tpl.preApproved);
  if (statements.length) {
    pdf.newPage();
    pdf.heading(t('kit.statementsTitle'));
    pdf.paragraph(t('kit.statementsHelp'), { muted: true });
    for (const template of statements) {
      const scenarios = plan.scenarios.filter((sc) => sc.templateIds.includes(template.id)).map((sc) => sc.name[language]);
      const label = `${template.name[language]} (${t(`templateKinds.${template.kind}`)})`;
      pdf.block(scenarios.length && scenarios.length < plan.scenarios.length ? `${label} — ${scenarios.join(', ')}` : label, template.body[language]);
    }
  }

  return pdf.finish((page, count) => t('kit.page', { page, count }));
}

/** A step's deadline in words, from the plan's limits: the earliest of them when there are several. */
function deadlineLabel(obligation: Obligation, limits: readonly DeadlineLimit[], language: Language, t: Translate): string {
  const words = limits.map((limit) => {
    const hours = durationToMinutes(limit.after);
    const parts = [limit.months ? t('kit.months', { count: limit.months }) : '', hours || !limit.months ? hoursLabel(hours, t) : ''].filter(Boolean);
    const step = obligation.steps.find((s) => s.id === limit.step)?.name[language] ?? '';
    return t(`kit.limitFrom.${limit.from}`, { duration: parts.join(' '), step });
  });
  return words.length === 1 ? t('kit.deadlineOne', { limit: words[0] }) : t('kit.deadlineEarliest', { limits: words.join(t('kit.limitsJoin')) });
}

function renderCallTree(pdf: PdfWriter, roles: readonly Role[], language: Language, rootNote: string): void {
  const byId = new Map(roles.map((role) => [role.id, role]));
  const called = new Set(roles.flatMap((role) => role.calls));
  const roots = roles.filter((role) => !called.has(role.id) && role.calls.length > 0);
  const visited = new Set<RoleId>();
  const line = (role: Role) => `${role.name[language]} — ${role.holder?.name ?? '—'} — ${unbroken(role.holder?.phone ?? '')}`;
  const walk = (role: Role, depth: number) => {
    visited.add(role.id);
    pdf.bullets([line(role)], depth * 22);
    for (const next of role.calls) {
      const child = byId.get(next);
      // A cycle in the plan's call tree would otherwise print forever.
      if (child && !visited.has(child.id)) walk(child, depth + 1);
    }
  };
  if (roots.length) pdf.paragraph(rootNote, { italic: true, muted: true });
  for (const root of roots) walk(root, 0);
  const rest = roles.filter((role) => !visited.has(role.id));
  if (rest.length) pdf.bullets(rest.map(line));
}

/** The staff charter, when the plan has one: staff read it before anyone posts during a crisis. */
function renderCharter(pdf: PdfWriter, plan: CrisisPlan, language: Language, t: Translate): void {
  const { text, spokespeople, mustNotPost } = plan.charter;
  const rules = mustNotPost.map((rule) => rule[language].trim()).filter(Boolean);
  if (!text[language].trim() && !spokespeople[language].trim() && rules.length === 0) return;
  pdf.heading(t('kit.charterTitle'), 2);
  if (text[language].trim()) pdf.paragraph(text[language]);
  if (spokespeople[language].trim()) pdf.paragraph(t('kit.charterSpokespeople', { who: spokespeople[language] }));
  if (rules.length > 0) pdf.paragraph(`${t('kit.charterMustNot')}\n${rules.map((rule) => `• ${rule}`).join('\n')}`);
}

/** Blank lines to fill by hand: the desk keeps its register on paper until a computer works again. */
const BLANK_ROWS = 8;
const blankRows = (columns: number): string[][] => Array.from({ length: BLANK_ROWS }, () => Array.from({ length: columns }, () => '\n\n'));

/** A role as the paper names it: its name, holder and first phone. */
const roleLine = (role: Role, language: Language): string =>
  [role.name[language], role.holder?.name, role.holder?.phone ? unbroken(role.holder.phone) : ''].filter(Boolean).join(' — ');

/**
 * The press desk: how an inquiry is taken and answered, who speaks, the plan's press contacts as the address
 * book, and a blank inquiry log with the fields the desk records on screen.
 */
function renderPressDesk(pdf: PdfWriter, plan: CrisisPlan, language: Language, t: Translate): void {
  pdf.newPage();
  pdf.heading(t('kit.pressTitle'));
  pdf.paragraph(t('kit.pressProcedure'));
  const communication = plan.roles.find((r) => r.id === 'communicationLead');
  const speakers = [plan.charter.spokespeople[language].trim(), communication ? roleLine(communication, language) : ''].filter(Boolean);
  if (speakers.length) pdf.paragraph(t('kit.pressSpeakers', { who: speakers.join('\n') }));
  const press = plan.contacts.filter((c) => c.category === 'press' || c.category === 'agency');
  if (press.length) {
    pdf.heading(t('kit.pressContactsTitle'), 2);
    pdf.table(
      [
        { header: t('kit.name'), width: 2.2, bold: true },
        { header: t('kit.organisation'), width: 2.2 },
        { header: t('kit.phone'), width: 2.6 },
        { header: t('kit.email'), width: 2.8 },
        { header: t('kit.notes'), width: 2.2 },
      ],
      press.map((c) => [c.name, c.organisation, unbroken(c.phone), c.email, c.notes[language]]),
    );
  }
  pdf.heading(t('kit.pressLogTitle'), 2);
  pdf.table(
    [
      { header: t('kit.received'), width: 1.3 },
      { header: t('kit.outletJournalist'), width: 2 },
      { header: t('kit.channel'), width: 1.3 },
      { header: t('kit.question'), width: 2.4 },
      { header: t('kit.theirDeadline'), width: 1.3 },
      { header: t('kit.spokesperson'), width: 1.9 },
      { header: t('kit.answerStatus'), width: 2.2 },
    ],
    blankRows(7),
  );
}

/**
 * The compensation register: what a case holds (and what it must not), the plan's approval chain with who to
 * call, and a blank register to fill.
 */
function renderCompensation(pdf: PdfWriter, plan: CrisisPlan, language: Language, t: Translate): void {
  pdf.newPage();
  pdf.heading(t('kit.compensationTitle'));
  pdf.paragraph(t('kit.compensationProcedure'));
  const approvers = plan.compensationApprovals.flatMap((id) => plan.roles.filter((r) => r.id === id));
  pdf.paragraph([t('kit.compensationApprovers'), ...approvers.map((role, i) => `${i + 1}. ${roleLine(role, language)}`)].join('\n'));
  pdf.paragraph(t('kit.compensationPrivacy'), { muted: true });
  pdf.heading(t('kit.compensationLogTitle'), 2);
  pdf.table(
    [
      { header: t('kit.caseNumber'), width: 0.7 },
      { header: t('kit.customer'), width: 1.8 },
      { header: t('kit.whatHappened'), width: 3.2 },
      { header: t('kit.gestureAmount'), width: 2 },
      { header: t('kit.approvedBy'), width: 2.2 },
      { header: t('kit.status'), width: 1.3 },
    ],
    blankRows(6),
  );
}
