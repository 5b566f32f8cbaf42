// @vitest-environment node
// The press desk and the compensation register through the contract: deadlines judged against the clock, answers
// and refusals logged, a gesture through the plan's approval chain, totals, exports that leave what identifies a customer out
// unless asked, and the PDF report's two sections in French and English.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../../../src/main/app/createCore';
import { AppFailure } from '../../../../../src/shared/contract/envelope';
import { invoke, makeTestCore } from '../../../../support/testCore';
import { repoPath } from '../../../../support/paths';

const ARTIFACTS = repoPath('test-results/press');
const WS = 'live';
const MIN = 60_000;
const START = Date.UTC(2026, 2, 3, 9, 0);
const CUSTOMER = 'Mme Aurélie Zwahlen';
const HANDLE = '@aurelie_zw';
const TICKET = 'TCK-4411';
const STORY = 'Colis perdu, contenu périssable';
/** What identifies a customer in the register; none of it may leave in an export unless personal data is asked for. */
const PERSONAL = [CUSTOMER, 'Zwahlen', HANDLE, TICKET, STORY];
let customerMention: number;
const scribe = { author: 'Camille Fontana', authorRole: 'scribe' };
const lead = { author: 'Julien Morel', authorRole: 'crisisLead' };
const service = { author: 'Karim Haddad', authorRole: 'customerServiceLead' };

let dir: string;
let core: Core;
let now = START;
let incidentId: string;

const refusal = async (promise: Promise<unknown>): Promise<AppFailure> => {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppFailure);
  return error as AppFailure;
};

const download = async (kind: 'archive' | 'compensationCsv' | 'logCsv', includePersonalData?: boolean) => {
  const job = await invoke(core, 'reports:startExport', { workspaceId: WS, incidentId, kind, ...(includePersonalData === undefined ? {} : { includePersonalData }) });
  expect((await core.reports.jobs.settled(job.jobId)).state).toBe('done');
  const file = await invoke(core, 'reports:downloadExport', { jobId: job.jobId });
  return Buffer.from(file.contentBase64, 'base64').toString('utf8');
};
const expectNoPersonalData = (text: string) => {
  for (const field of PERSONAL) expect(text).not.toContain(field);
};

describe('press desk and compensation register', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tocsin-press-'));
    core = makeTestCore(dir, { clock: { now: () => new Date(now) } });
    const incident = await invoke(core, 'incidents:open', {
      workspaceId: WS,
      incident: { title: 'Colis perdus — Poste rapide', scenarioKind: 'viralComplaint', severity: 'high', actor: scribe },
    });
    incidentId = incident.id;
  });
  afterAll(() => {
    core?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('records inquiries by hand from the plan’s press contacts, soonest deadline first, late once past it', async () => {
    const plan = (await invoke(core, 'plan:get', { workspaceId: WS })).plan;
    const contact = plan.contacts.find((c) => c.category === 'press')!;
    expect(contact, 'the sample plan has a press contact').toBeDefined();
    await invoke(core, 'press:create', {
      workspaceId: WS,
      incidentId,
      inquiry: {
        outlet: contact.organisation,
        person: contact.name,
        channel: 'phone',
        question: 'Combien de colis sont perdus ?',
        deadline: '2026-03-03T11:00:00+01:00',
        contactId: contact.id,
        spokesperson: { roleId: 'communicationLead', person: 'Nadia Benali' },
      },
      actor: scribe,
    });
    const desk = await invoke(core, 'press:create', {
      workspaceId: WS,
      incidentId,
      inquiry: { outlet: 'RTS', person: 'Marc Jordan', channel: 'email', question: 'Une indemnisation est-elle prévue ?', deadline: '2026-03-03T09:30:00Z' },
      actor: scribe,
    });
    expect(desk.inquiries.map((i) => [i.person, i.deadline, i.status])).toEqual([
      ['Marc Jordan', '2026-03-03T09:30:00.000Z', 'open'],
      [contact.name, '2026-03-03T10:00:00.000Z', 'open'],
    ]);
    expect(desk.inquiries[1]!.spokesperson).toEqual({ roleId: 'communicationLead', person: 'Nadia Benali' });

    now = Date.parse('2026-03-03T09:45:00Z');
    const later = await invoke(core, 'press:list', { workspaceId: WS, incidentId });
    expect(later.inquiries.map((i) => i.status)).toEqual(['late', 'open']);
    expect(later.summary).toMatchObject({ total: 2, open: 2, overdue: 1 });

    const unknown = await refusal(invoke(core, 'press:create', { workspaceId: WS, incidentId, inquiry: { ...desk.inquiries[0]!, contactId: 'nobody', mentionId: null, spokesperson: null }, actor: scribe }));
    expect(unknown.code).toBe('INVALID_INPUT');
  });

  it('answers one late and one on time, declines and reopens, each in the crisis log', async () => {
    const { inquiries } = await invoke(core, 'press:list', { workspaceId: WS, incidentId });
    const [late, onTime] = inquiries;
    now += MIN;
    await invoke(core, 'press:answer', { workspaceId: WS, incidentId, inquiryId: late!.id, answer: { answer: 'Un geste est prévu pour chaque client.' }, actor: lead });
    const answered = await invoke(core, 'press:answer', { workspaceId: WS, incidentId, inquiryId: onTime!.id, answer: { answer: '1 200 colis, retrouvés à 80 %.' }, actor: lead });
    expect(answered.summary).toMatchObject({ answeredOnTime: 1, answeredLate: 1, open: 0, overdue: 0 });
    expect(answered.inquiries.find((i) => i.id === late!.id)).toMatchObject({ status: 'answered', late: true, closedBy: 'Julien Morel' });
    expect((await refusal(invoke(core, 'press:answer', { workspaceId: WS, incidentId, inquiryId: late!.id, answer: { answer: 'encore' }, actor: lead }))).code).toBe('CONFLICT');

    const third = await invoke(core, 'press:create', {
      workspaceId: WS,
      incidentId,
      inquiry: { outlet: '24 heures', person: 'Léo Favre', channel: 'social', question: 'Interview ?', deadline: '2026-03-04T09:00:00Z' },
      actor: scribe,
    });
    const id = third.inquiries.find((i) => i.person === 'Léo Favre')!.id;
    const declined = await invoke(core, 'press:setStatus', { workspaceId: WS, incidentId, inquiryId: id, status: 'declined', reason: 'Pas d’interview avant jeudi', actor: lead });
    expect(declined.summary.declined).toBe(1);
    const reopened = await invoke(core, 'press:setStatus', { workspaceId: WS, incidentId, inquiryId: id, status: 'open', actor: lead });
    expect(reopened.inquiries.find((i) => i.id === id)).toMatchObject({ status: 'open', answer: '', closedAt: null });

    const log = await invoke(core, 'crisisLog:list', { workspaceId: WS, filter: { incidentId, limit: 200 } });
    const codes = log.map((e) => e.systemCode);
    expect(codes).toEqual(expect.arrayContaining(['press.created', 'press.answered', 'press.answeredLate', 'press.declined', 'press.reopened']));
    expect(codes.filter((c) => c === 'press.created')).toHaveLength(3);
  });

  it('turns a journalist’s post into an inquiry and refuses a post by a member of the public', async () => {
    const capture = (authorKind: 'journalist' | 'public', authorName: string) =>
      invoke(core, 'mentions:capture', {
        workspaceId: WS,
        capture: { channel: 'pressCall', outlet: 'Le Temps', authorName, authorKind, text: `Question de ${authorName} sur les colis`, occurredAt: new Date(now).toISOString() },
      });
    const journalist = await capture('journalist', 'Anne Jaquet');
    const member = await capture('public', 'Paul Rey');
    const inquiry = { outlet: 'Le Temps', person: 'Anne Jaquet', channel: 'social' as const, question: 'Les colis ?', deadline: '2026-03-03T16:00:00Z' };
    const desk = await invoke(core, 'press:create', { workspaceId: WS, incidentId, inquiry: { ...inquiry, mentionId: journalist.id! }, actor: scribe });
    expect(desk.inquiries.find((i) => i.mentionId === journalist.id)).toMatchObject({ person: 'Anne Jaquet' });
    const refused = await refusal(invoke(core, 'press:create', { workspaceId: WS, incidentId, inquiry: { ...inquiry, mentionId: member.id! }, actor: scribe }));
    expect(refused.message).toMatch(/neither a journalist nor a media/);
  });

  it('takes a gesture through every approval the plan names, then to done, with totals per currency', async () => {
    const complaint = await invoke(core, 'mentions:capture', {
      workspaceId: WS,
      capture: { channel: 'phonePost', outlet: 'Instagram', authorName: 'Une cliente', authorKind: 'public', text: 'Mon colis est perdu depuis une semaine', occurredAt: new Date(now).toISOString() },
    });
    customerMention = complaint.id!;
    const proposed = await invoke(core, 'compensation:propose', {
      workspaceId: WS,
      incidentId,
      case: { customer: CUSTOMER, whatHappened: STORY, reference: TICKET, mentionId: customerMention, gesture: 'Remboursement et bon', amount: 149.9, currency: 'chf' },
      actor: scribe,
    });
    await invoke(core, 'compensation:propose', {
      workspaceId: WS,
      incidentId,
      case: { customer: HANDLE, whatHappened: 'Retard de 5 jours', gesture: 'Frais de port offerts', amount: 12.5, currency: 'EUR' },
      actor: scribe,
    });
    expect(proposed.requiredRoles).toEqual(['crisisLead', 'customerServiceLead']);
    const id = proposed.cases[0]!.id;
    const decide = (actor: { author: string; authorRole: string | null }, decision: 'approved' | 'rejected' = 'approved', caseId = id, reason?: string) =>
      invoke(core, 'compensation:decide', { workspaceId: WS, incidentId, caseId, decision, actor, ...(reason ? { reason } : {}) });

    expect((await refusal(decide(scribe))).code).toBe('FORBIDDEN');
    expect((await refusal(decide({ author: 'Anon', authorRole: null }))).code).toBe('FORBIDDEN');
    const half = await decide(lead);
    expect(half.cases[0]).toMatchObject({ status: 'proposed', approvedRoles: ['crisisLead'] });
    expect((await refusal(decide({ author: 'Julien Morel', authorRole: 'customerServiceLead' }))).code).toBe('CONFLICT');
    expect((await refusal(invoke(core, 'compensation:markDone', { workspaceId: WS, incidentId, caseId: id, actor: service }))).code).toBe('CONFLICT');
    const full = await decide(service);
    expect(full.cases[0]).toMatchObject({ status: 'approved', approvedRoles: ['crisisLead', 'customerServiceLead'] });
    const done = await invoke(core, 'compensation:markDone', { workspaceId: WS, incidentId, caseId: id, actor: service });
    expect(done.cases[0]).toMatchObject({ status: 'done', doneBy: 'Karim Haddad' });

    expect(JSON.stringify((await refusal(decide(lead, 'rejected', done.cases[1]!.id))).issues)).toMatch(/a rejection gives its reason/);
    const rejected = await decide(lead, 'rejected', done.cases[1]!.id, 'Retard dû au client');
    expect(rejected.cases[1]!.status).toBe('rejected');
    expect(rejected.totals).toEqual([
      { currency: 'CHF', cases: 1, proposedMinor: 0, approvedMinor: 0, doneMinor: 14_990, committedMinor: 14_990, rejected: 0 },
      { currency: 'EUR', cases: 1, proposedMinor: 0, approvedMinor: 0, doneMinor: 0, committedMinor: 0, rejected: 1 },
    ]);
    const log = await invoke(core, 'crisisLog:list', { workspaceId: WS, filter: { incidentId, limit: 200 } });
    const codes = log.map((e) => e.systemCode);
    expect(codes).toEqual(expect.arrayContaining(['compensation.proposed', 'compensation.approved', 'compensation.chainComplete', 'compensation.done', 'compensation.rejected']));
    // The log is hash-chained and exported: a case is named by its number, never by its customer.
    expect(JSON.stringify(log)).not.toContain('Zwahlen');
    expect(JSON.stringify(log)).not.toContain(HANDLE);
  });

  it('leaves what identifies a customer out of every export unless personal data is asked for, and logs when it is', async () => {
    const csv = await download('compensationCsv');
    expect(csv).toContain('149.90,CHF');
    expect(csv).toContain('Remboursement et bon');
    expectNoPersonalData(csv);
    expect(csv.split('\n')[1]).toMatch(/^\d+,done,,,,,Remboursement et bon,149\.90,CHF,/);
    const csvWithNames = await download('compensationCsv', true);
    for (const field of [CUSTOMER, HANDLE, TICKET, STORY]) expect(csvWithNames).toContain(field);
    expect(csvWithNames).toContain(`,${TICKET},${customerMention},`);

    const archive = JSON.parse(await download('archive')) as { personalData: boolean; tables: Record<string, Record<string, unknown>[]> };
    expect(archive.personalData).toBe(false);
    expect(archive.tables.compensation_cases!.map((row) => [row.customer, row.what_happened, row.reference, row.mention_id])).toEqual([
      ['', '', '', null],
      ['', '', '', null],
    ]);
    expect(archive.tables.compensation_cases!.map((row) => row.amount_minor)).toEqual([14_990, 1_250]);
    expect(archive.tables.compensation_cases!.map((row) => row.gesture)).toEqual(['Remboursement et bon', 'Frais de port offerts']);
    expect(archive.tables.press_inquiries!.length).toBe(4);
    expect(archive.tables.compensation_decisions!.length).toBe(3);
    expectNoPersonalData(JSON.stringify(archive));
    const withNames = JSON.parse(await download('archive', true)) as typeof archive;
    expect(withNames.personalData).toBe(true);
    expect(withNames.tables.compensation_cases!.map((row) => [row.customer, row.what_happened, row.reference, row.mention_id])).toEqual([
      [CUSTOMER, STORY, TICKET, customerMention],
      [HANDLE, 'Retard de 5 jours', '', null],
    ]);

    // The crisis log names a case by its number: its export carries no customer, asked or not.
    const log = await download('logCsv', true);
    expect(log).toContain('compensation.proposed');
    expectNoPersonalData(log);

    const kit = await invoke(core, 'plan:paperKit', { workspaceId: WS, language: 'fr' });
    const kitPath = join(dir, 'kit.pdf');
    writeFileSync(kitPath, Buffer.from(kit.pdfBase64, 'base64'));
    const kitText = execFileSync('pdftotext', [kitPath, '-'], { encoding: 'utf8' });
    expect(kitText).toContain('Registre des gestes');
    expectNoPersonalData(kitText);

    const audit = await invoke(core, 'crisisLog:list', { workspaceId: WS, filter: { limit: 2000 } });
    const codes = audit.map((e) => e.systemCode);
    expect(codes.filter((c) => c === 'audit.export.compensationCsvWithNames')).toHaveLength(1);
    expect(codes.filter((c) => c === 'audit.export.archiveWithNames')).toHaveLength(1);
    expect(codes.filter((c) => c === 'audit.export.compensationCsv')).toHaveLength(1);
    expect(codes.filter((c) => c === 'audit.export.archive')).toHaveLength(1);
  });

  it('prints press inquiries and compensation totals in the PDF report, in French and in English', async () => {
    const text = async (language: 'fr' | 'en') => {
      const job = await invoke(core, 'reports:generate', { workspaceId: WS, incidentId, language, timeZone: 'Europe/Zurich' });
      expect((await core.reports.jobs.settled(job.jobId)).state).toBe('done');
      const file = await invoke(core, 'reports:downloadExport', { jobId: job.jobId });
      const path = join(dir, `report-${language}.pdf`);
      writeFileSync(path, Buffer.from(file.contentBase64, 'base64'));
      const raw = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
      // The press page (not the contents listing it) is rendered for a look; pdftotext separates pages with form feeds.
      const page = raw.split('\f').findLastIndex((p) => p.includes(language === 'en' ? '15. Press inquiries' : '15. Sollicitations de la presse')) + 1;
      expect(page).toBeGreaterThan(2);
      mkdirSync(ARTIFACTS, { recursive: true });
      execFileSync('pdftoppm', ['-png', '-r', '80', '-f', String(page), '-l', String(page + 1), path, join(ARTIFACTS, `report-press-${language}`)]);
      return raw.replace(/\s+/g, ' ');
    };
    const en = await text('en');
    expect(en).toContain('Press inquiries');
    expect(en).toContain('Inquiries: 4. Answered on time: 1; answered late: 1; declined: 0; still open: 2');
    expect(en).toContain('Compensation register');
    expect(en).toMatch(/CHF\s?149\.90/);
    expectNoPersonalData(en);
    const fr = await text('fr');
    expect(fr).toContain('Sollicitations de la presse');
    expect(fr).toContain('Sollicitations : 4. Traitées à temps : 1 ; traitées en retard : 1 ; déclinées : 0 ; encore ouvertes : 2');
    expect(fr).toContain('Registre des gestes commerciaux');
    expect(fr).toMatch(/149\.90/);
    expectNoPersonalData(fr);
  }, 120_000);
});
