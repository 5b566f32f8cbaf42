// @vitest-environment node
// One incident that used every desk of the cell: a generated crisis with a known end, its RETEX with an action,
// a press inquiry answered, a compensation case through the plan's approvals. Its PDF report holds the lessons with
// their actions, the recovery times, the press inquiries and the compensation totals, read back with pdftotext,
// and every page renders with pdftoppm.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateScenario } from '../../../../../src/main/features/detection/scenarios/scenarioGenerator';
import { invoke, makeTestCore } from '../../../../support/testCore';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = Date.UTC(2026, 0, 5);
const ONSET = START + 8 * DAY + 9 * HOUR;
const WS = 'live';
const lead = { author: 'Sam Carter', authorRole: 'crisisLead' };
const service = { author: 'Karim Haddad', authorRole: 'customerServiceLead' };

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('the report of an incident that used every desk', () => {
  it('has the lessons with actions, recovery times, press inquiries and compensation totals, every page rendered', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tocsin-whole-cell-'));
    dirs.push(dir);
    let now = START;
    const core = makeTestCore(dir, { clock: { now: () => new Date(now) } });
    try {
      const scenario = generateScenario({
        seed: 11, kind: 'crisis', language: 'en', brand: 'Harbor Bank', start: START, days: 10,
        peakPerHour: 40, multiplier: 8, onsetOffsetMs: ONSET - START, durationHours: 8,
      });
      const watch = await invoke(core, 'watches:create', { workspaceId: WS, watch: { name: 'Harbor Bank', keywords: ['Harbor Bank'] } });
      const source = await invoke(core, 'sources:create', { workspaceId: WS, source: { kind: 'webhook', name: 'Feed', config: {} } });
      for (let i = 0; i < scenario.mentions.length; i += 2000) {
        const batch = scenario.mentions.slice(i, i + 2000);
        now = Date.parse(batch.at(-1)!.publishedAt) + 60_000;
        core.ingest.ingestNow(WS, source.id, batch);
      }
      now = START + 10 * DAY;
      const incident = await invoke(core, 'incidents:open', {
        workspaceId: WS,
        incident: { title: 'Harbor Bank data leak', scenarioKind: 'dataBreach', severity: 'high', scope: { watchIds: [watch.id], start: new Date(ONSET).toISOString() }, actor: lead },
      });
      const incidentId = incident.id;

      const inquiry = await invoke(core, 'press:create', {
        workspaceId: WS,
        incidentId,
        inquiry: { outlet: 'Financial Chronicle', person: 'Ada Reyes', channel: 'email', question: 'How many accounts leaked?', deadline: new Date(now + 2 * HOUR).toISOString() },
        actor: lead,
      });
      await invoke(core, 'press:answer', { workspaceId: WS, incidentId, inquiryId: inquiry.inquiries[0]!.id, answer: { answer: 'Fewer than 2,000 accounts; all were reset.' }, actor: lead });

      const proposed = await invoke(core, 'compensation:propose', {
        workspaceId: WS,
        incidentId,
        case: { customer: 'Jane Customer', whatHappened: 'Card blocked for three days', reference: 'TCK-9001', gesture: 'Fee refund', amount: 75, currency: 'CHF' },
        actor: lead,
      });
      const caseId = proposed.cases[0]!.id;
      for (const actor of proposed.requiredRoles.map((role) => (role === 'crisisLead' ? lead : { ...service, authorRole: role }))) {
        await invoke(core, 'compensation:decide', { workspaceId: WS, incidentId, caseId, decision: 'approved', actor });
      }

      await invoke(core, 'incidents:setStatus', { workspaceId: WS, incidentId, status: 'stabilised', actor: lead });
      await invoke(core, 'lessons:saveRetex', {
        workspaceId: WS,
        incidentId,
        text: { whatHappened: 'Customer data leaked through a partner.', wentWell: 'Holding statement out fast.', wentBadly: 'No script for partner leaks.' },
        actor: lead,
      });
      await invoke(core, 'lessons:addAction', {
        workspaceId: WS,
        incidentId,
        action: { text: 'Write the partner-leak call script', owner: { roleId: 'customerServiceLead', person: 'Karim Haddad' }, dueDate: '2026-02-15' },
        actor: lead,
      });
      await invoke(core, 'incidents:setStatus', { workspaceId: WS, incidentId, status: 'closed', actor: lead });
      const { recovery } = await invoke(core, 'lessons:retex', { workspaceId: WS, incidentId });
      expect(recovery.volume, 'volume came back in the generated data').not.toBeNull();

      const job = await invoke(core, 'reports:generate', { workspaceId: WS, incidentId, language: 'en' });
      const settled = await core.reports.jobs.settled(job.jobId);
      expect(settled.state, settled.error ?? '').toBe('done');
      const file = await invoke(core, 'reports:downloadExport', { jobId: job.jobId });
      const path = join(dir, 'report.pdf');
      writeFileSync(path, Buffer.from(file.contentBase64, 'base64'));
      const raw = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
      const text = raw.replace(/\s+/g, ' ');
      expect(text).toContain('Write the partner-leak call script');
      expect(text).toContain('Karim Haddad');
      expect(text).toContain(`Recovery time from the start of the crisis: volume ${recovery.volume!.hoursAfterStart} h`);
      expect(text).toContain('Press inquiries');
      expect(text).toContain('Financial Chronicle');
      expect(text).toContain('Inquiries: 1. Answered on time: 1');
      expect(text).toContain('Compensation register');
      expect(text).toMatch(/CHF\s?75\.00/);
      expect(text).not.toContain('Jane Customer');

      const pages = raw.split('\f').filter((page) => page.trim() !== '').length;
      const pngDir = join(dir, 'pages');
      mkdirSync(pngDir);
      execFileSync('pdftoppm', ['-png', '-r', '40', path, join(pngDir, 'page')]);
      expect(readdirSync(pngDir).filter((name) => name.endsWith('.png'))).toHaveLength(pages);
    } finally {
      core.close();
    }
  }, 240_000);
});
