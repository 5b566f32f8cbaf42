// The paper fallback kit: everything the cell needs when screens fail, printed from the plan.
import { STATEMENT_KINDS } from '../../../shared/domain/statement';
import { composerEn, composerFr } from '../../../shared/i18n/composer';
import { planEn, planFr } from '../../../shared/i18n/plan';
import {
  PHASES,
  durationToMinutes,
  type CrisisPlan,
  type Person,
  type Role,
  type RoleId,
} from '../../../shared/domain/plan';
import type { Language } from '../../../shared/domain/workspace';
import { PdfWriter } from '../../platform/pdf/pdfWriter';

export interface PaperKitInput {
  readonly plan: CrisisPlan;
  readonly revision: number;
  readonly language: Language;
  readonly exercise: boolean;
  readonly printedAt: Date;
  /** IANA time zone of the people printing it, so times on paper match their wall clocks. */
  readonly timeZone?: string;
}

type KitStrings = typeof planEn;

const fill = (text: string, values: Record<string, string | number>): string =>
  text.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));

const hoursLabel = (minutes: number): string => {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h}h${String(m).padStart(2, '0')}` : `${h}h`;
};

/** A phone number split over two lines gets misdialled: keep each one on a single line. */
const unbroken = (phone: string): string => phone.replace(/ /g, '\u00a0');

const phones = (person: Person): string => [person.phone, person.altPhone].filter(Boolean).map(unbroken).join('\n');

export async function renderPaperKit({ plan, revision, language, exercise, printedAt, timeZone }: PaperKitInput): Promise<Buffer> {
  const s: KitStrings = language === 'fr' ? (planFr as KitStrings) : planEn;
  const k = s.kit;
  const date = (value: Date) =>
    new Intl.DateTimeFormat(language === 'fr' ? 'fr-CH' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone }).format(value);
  const roleName = (id: RoleId) => plan.roles.find((r) => r.id === id)?.name[language] ?? id;

  const pdf = new PdfWriter({
    title: `${k.title} — ${plan.metadata.organisation}`,
    language,
    exerciseMark: exercise ? k.exercise : undefined,
    footer: fill(k.footer, { organisation: plan.metadata.organisation, date: date(printedAt) }),
    createdAt: printedAt,
  });

  pdf.title(
    k.title,
    fill(k.subtitle, {
      organisation: plan.metadata.organisation,
      planTitle: plan.metadata.title[language],
      version: plan.metadata.version,
    }),
  );
  pdf.paragraph(
    fill(k.printed, { date: date(printedAt), revision, updated: date(new Date(plan.metadata.updatedAt)) }),
    { muted: true },
  );
  pdf.heading(k.useTitle, 2);
  pdf.paragraph(k.use);

  pdf.heading(k.rosterTitle);
  pdf.table(
    [
      { header: k.role, width: 2.1, bold: true },
      { header: k.holder, width: 3.1 },
      { header: k.phones, width: 2.2 },
      { header: k.deputies, width: 3.1 },
    ],
    plan.roles.map((role) => [
      role.name[language],
      [role.holder.name, role.holder.title, role.holder.email].filter(Boolean).join('\n'),
      phones(role.holder),
      role.deputies.map((d, i) => `${i + 1}. ${d.name}\n${[d.phone, d.altPhone].filter(Boolean).map(unbroken).join(' / ')}`).join('\n'),
    ]),
  );

  pdf.heading(k.callTreeTitle);
  pdf.paragraph(k.callTreeHelp, { muted: true });
  renderCallTree(pdf, plan.roles, language, k.callsFrom);

  pdf.heading(k.thresholdsTitle, 2);
  const d = plan.thresholds.defaults;
  pdf.paragraph(
    fill(k.thresholds, {
      vigilance: d.volumeRatio.vigilance,
      alert: d.volumeRatio.alert,
      crisis: d.volumeRatio.crisis,
      nv: d.negativeShareDelta.vigilance,
      na: d.negativeShareDelta.alert,
      nc: d.negativeShareDelta.crisis,
      audience: d.influentialAudience.toLocaleString(language === 'fr' ? 'fr-CH' : 'en-GB'),
    }),
  );
  if (d.vocabulary[language].length) pdf.paragraph(fill(k.vocabulary, { terms: d.vocabulary[language].join(', ') }));

  pdf.heading(k.approvalsTitle, 2);
  pdf.paragraph(s.approvals.help, { muted: true });
  const kinds = language === 'fr' ? composerFr.kinds : composerEn.kinds;
  pdf.table(
    [
      { header: s.approvals.kind, width: 2.5 },
      { header: s.approvals.roles, width: 5, bold: true },
    ],
    STATEMENT_KINDS.map((kind) => [kinds[kind], plan.approvals[kind].map(roleName).join(', ')]),
  );

  if (plan.contacts.length) {
    pdf.heading(k.contactsTitle);
    pdf.table(
      [
        { header: k.category, width: 1.6 },
        { header: k.name, width: 2.5, bold: true },
        { header: k.organisation, width: 2.4 },
        { header: k.phone, width: 2.1 },
        { header: k.email, width: 2.8 },
      ],
      plan.contacts.map((c) => [s.contactCategories[c.category], c.name, c.organisation, unbroken(c.phone), c.email]),
    );
  }

  if (plan.campaigns.length) {
    pdf.heading(k.campaignsTitle);
    pdf.table(
      [
        { header: k.campaign, width: 2.8, bold: true },
        { header: k.status, width: 1.3 },
        { header: k.owner, width: 2.8 },
        { header: k.howToFreeze, width: 3.4 },
      ],
      plan.campaigns.map((c) => [
        [c.name, c.channels.join(', ')].filter(Boolean).join('\n'),
        s.campaignStatuses[c.status],
        [c.owner, unbroken(c.ownerPhone)].filter(Boolean).join('\n'),
        c.howToFreeze[language],
      ]),
    );
  }

  pdf.newPage();
  pdf.heading(k.missionsTitle);
  for (const role of plan.roles) {
    const lines = [role.mission[language], ...role.instructions.map((i) => `• ${i[language]}`)].filter(Boolean);
    pdf.block(`${role.name[language]} — ${role.holder.name}`, lines.join('\n'));
  }

  pdf.newPage();
  pdf.heading(k.checklistsTitle);
  plan.scenarios.forEach((scenario, index) => {
    const playbook = plan.playbooks.find((pb) => pb.id === scenario.playbookId);
    if (!playbook) return;
    if (index > 0) pdf.newPage();
    pdf.heading(scenario.name[language], 2);
    pdf.paragraph(`${k.severity}: ${s.severities[scenario.defaultSeverity]} — ${scenario.severityGuidance[language]}`, { muted: true });
    for (const phase of PHASES) {
      const items = playbook.items
        .filter((item) => item.phase === phase)
        .sort((a, b) => durationToMinutes(a.deadline) - durationToMinutes(b.deadline));
      if (!items.length) continue;
      pdf.heading(s.phases[phase], 3);
      pdf.table(
        [
          { header: k.done, width: 0.8 },
          { header: k.deadline, width: 0.9, bold: true },
          { header: k.action, width: 6 },
          { header: k.ownerRole, width: 2.2 },
          { header: k.time, width: 1.1 },
        ],
        items.map((item) => ['☐', hoursLabel(durationToMinutes(item.deadline)), item.text[language], roleName(item.ownerRole), '']),
      );
    }
  });

  const statements = plan.templates.filter((tpl) => tpl.preApproved);
  if (statements.length) {
    pdf.newPage();
    pdf.heading(k.statementsTitle);
    pdf.paragraph(k.statementsHelp, { muted: true });
    for (const template of statements) {
      const scenarios = plan.scenarios.filter((sc) => sc.templateIds.includes(template.id)).map((sc) => sc.name[language]);
      const label = `${template.name[language]} (${s.templateKinds[template.kind]})`;
      pdf.block(scenarios.length && scenarios.length < plan.scenarios.length ? `${label} — ${scenarios.join(', ')}` : label, template.body[language]);
    }
  }

  return pdf.finish((page, count) => fill(k.page, { page, count }));
}

function renderCallTree(pdf: PdfWriter, roles: readonly Role[], language: Language, rootNote: string): void {
  const byId = new Map(roles.map((role) => [role.id, role]));
  const called = new Set(roles.flatMap((role) => role.calls));
  const roots = roles.filter((role) => !called.has(role.id) && role.calls.length > 0);
  const visited = new Set<RoleId>();
  const line = (role: Role) => `${role.name[language]} — ${role.holder.name} — ${unbroken(role.holder.phone)}`;
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
