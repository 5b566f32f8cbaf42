// @vitest-environment node
// One incident that used every desk of the cell: a generated crisis with a known end, its RETEX with an action,
// a press inquiry answered, a compensation case through the plan's approvals. Its PDF report holds the lessons with
// their actions, the recovery times, the press inquiries and the compensation totals, read back with pdftotext,
// and every page renders with pdftoppm.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CRISIS_OPENED, HOUR, openGeneratedCrisis, reportPdfText } from '../../../../support/generatedCrisis';
import { useTempDirs } from '../../../../support/tempDir';
import { invoke } from '../../../../support/testCore';

const WS = 'live';
const lead = { author: 'Sam Carter', authorRole: 'crisisLead' };
const service = { author: 'Karim Haddad', authorRole: 'customerServiceLead' };

const newDir = useTempDirs();

describe('the report of an incident that used every desk', () => {
  it('has the lessons with actions, recovery times, press inquiries and compensation totals, every page rendered', async () => {
    const dir = newDir();
    const { core, incidentId } = await openGeneratedCrisis(dir, lead);
    try {
      const inquiry = await invoke(core, 'press:create', {
        workspaceId: WS,
        incidentId,
        inquiry: { outlet: 'Financial Chronicle', person: 'Ada Reyes', channel: 'email', question: 'How many accounts leaked?', deadline: new Date(CRISIS_OPENED + 2 * HOUR).toISOString() },
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

      const { path, raw } = await reportPdfText(core, dir, incidentId);
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
