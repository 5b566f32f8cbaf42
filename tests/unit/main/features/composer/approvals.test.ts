import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../../../src/main/app/createCore';
import { INCIDENT, WS } from '../../../../support/composerCore';
import { useTempDirs } from '../../../../support/tempDir';
import { invoke, loopbackComposerTuning, makeTestCore } from '../../../../support/testCore';

const tempDir = useTempDirs();
let core: Core | undefined;
afterEach(() => core?.close());

const TEXT_FR = 'Nous sommes désolés. Depuis 9 h 40, le paiement par carte est interrompu. Nos équipes travaillent à le rétablir. Prochain point à 14 h.';
const TEXT_EN = 'We are sorry. Since 09:40 card payments are down. Our teams are working to restore them. Next update at 14:00.';

async function draft(c: Core) {
  return invoke(c, 'composer:create', {
    workspaceId: WS,
    statement: { incidentId: INCIDENT, kind: 'holding', title: 'Paiements', textFr: TEXT_FR, textEn: TEXT_EN, channels: ['mastodon', 'linkedin'], author: 'Camille' },
  });
}

describe('approvals bound to the exact text', () => {
  it('refuses to queue, through the API, a statement without every required approval', async () => {
    core = makeTestCore(tempDir(), { composerTuning: loopbackComposerTuning });
    const d = await draft(core);
    expect(d.statement.requiredRoles).toEqual(['crisisLead', 'legal']);

    const none = await core.dispatch('composer:queue', { workspaceId: WS, statementId: d.statement.id, person: 'Camille' });
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.error.code).toBe('FORBIDDEN');

    await invoke(core, 'composer:approve', {
      workspaceId: WS,
      statementId: d.statement.id,
      approver: { person: 'Alice', role: 'crisisLead' },
      contentHash: d.statement.contentHash,
    });
    const one = await core.dispatch('composer:queue', { workspaceId: WS, statementId: d.statement.id, person: 'Camille' });
    expect(one.ok).toBe(false);
    if (!one.ok) expect(one.error.message).toMatch(/legal/);

    // The same person cannot fill the second role, and a role outside the policy does not count.
    const sameSigner = await core.dispatch('composer:approve', {
      workspaceId: WS,
      statementId: d.statement.id,
      approver: { person: 'Alice', role: 'legal' },
      contentHash: d.statement.contentHash,
    });
    expect(sameSigner.ok).toBe(false);
    const wrongRole = await core.dispatch('composer:approve', {
      workspaceId: WS,
      statementId: d.statement.id,
      approver: { person: 'Zoé', role: 'communityManager' },
      contentHash: d.statement.contentHash,
    });
    expect(wrongRole.ok && 'accepted').toBe(false);
    if (!wrongRole.ok) expect(wrongRole.error.code).toBe('FORBIDDEN');

    expect((await invoke(core, 'composer:outbox', { workspaceId: WS })).length).toBe(0);
  });

  it('reopens approval on any edit, shows the diff since approval, and needs fresh approvals to queue', async () => {
    core = makeTestCore(tempDir(), { composerTuning: loopbackComposerTuning });
    const d = await draft(core);
    for (const [person, role] of [['Alice', 'crisisLead'], ['Bruno', 'legal']] as const) {
      await invoke(core, 'composer:approve', { workspaceId: WS, statementId: d.statement.id, approver: { person, role }, contentHash: d.statement.contentHash });
    }
    const approved = await invoke(core, 'composer:get', { workspaceId: WS, statementId: d.statement.id });
    expect(approved.statement.approvalState).toBe('approved');
    expect(approved.decisions.every((x) => x.current && x.contentHash === d.statement.contentHash)).toBe(true);

    const edited = await invoke(core, 'composer:update', {
      workspaceId: WS,
      statementId: d.statement.id,
      expectedRevision: approved.statement.revision,
      patch: { textEn: TEXT_EN.replace('14:00', '15:30') },
      author: 'Camille',
    });
    expect(edited.statement.approvalState).toBe('draft');
    expect(edited.statement.contentHash).not.toBe(d.statement.contentHash);
    expect(edited.decisions.every((x) => !x.current)).toBe(true);
    expect(edited.diffSinceApproval.map((f) => f.field)).toEqual(['textEn']);
    const parts = edited.diffSinceApproval[0]!.parts;
    expect(parts.filter((p) => p.removed).map((p) => p.value).join('|')).toBe('14|00');
    expect(parts.filter((p) => p.added).map((p) => p.value).join('|')).toBe('15|30');
    expect(parts.filter((p) => !p.added && !p.removed).map((p) => p.value).join('')).toContain('Next update at :.');

    const blocked = await core.dispatch('composer:queue', { workspaceId: WS, statementId: d.statement.id, person: 'Camille' });
    expect(blocked.ok).toBe(false);

    // An approval given on the old text is refused: the approver must read the new one.
    const stale = await core.dispatch('composer:approve', {
      workspaceId: WS,
      statementId: d.statement.id,
      approver: { person: 'Alice', role: 'crisisLead' },
      contentHash: d.statement.contentHash,
    });
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.error.code).toBe('CONFLICT');

    // A renamed title does not change what the public reads: no reopening.
    const renamed = await invoke(core, 'composer:update', {
      workspaceId: WS,
      statementId: d.statement.id,
      expectedRevision: edited.statement.revision,
      patch: { title: 'Paiements — v2' },
      author: 'Camille',
    });
    expect(renamed.statement.contentHash).toBe(edited.statement.contentHash);

    const log = await invoke(core, 'crisisLog:list', { workspaceId: WS, filter: { incidentId: INCIDENT } });
    const codes = log.map((e) => e.systemCode);
    expect(codes).toEqual(expect.arrayContaining(['composer.drafted', 'composer.approved', 'composer.reopened']));
    expect(codes.filter((c) => c === 'composer.approved')).toHaveLength(2);
  });

  it('requires a reason to reject and logs it; a rejected text cannot be queued', async () => {
    core = makeTestCore(tempDir(), { composerTuning: loopbackComposerTuning });
    const d = await draft(core);
    const noReason = await core.dispatch('composer:reject', {
      workspaceId: WS,
      statementId: d.statement.id,
      approver: { person: 'Bruno', role: 'legal' },
      contentHash: d.statement.contentHash,
      reason: '   ',
    });
    expect(noReason.ok).toBe(false);
    const rejected = await invoke(core, 'composer:reject', {
      workspaceId: WS,
      statementId: d.statement.id,
      approver: { person: 'Bruno', role: 'legal' },
      contentHash: d.statement.contentHash,
      reason: 'Do not give the time before IT confirms it.',
    });
    expect(rejected.statement.approvalState).toBe('rejected');
    expect(rejected.decisions[0]).toMatchObject({ decision: 'rejected', reason: 'Do not give the time before IT confirms it.' });
    const log = await invoke(core, 'crisisLog:list', { workspaceId: WS, filter: { incidentId: INCIDENT } });
    expect(log.find((e) => e.systemCode === 'composer.rejected')?.body).toMatch(/IT confirms/);
  });

  it('refuses an edit based on a stale revision instead of overwriting a colleague', async () => {
    core = makeTestCore(tempDir(), { composerTuning: loopbackComposerTuning });
    const d = await draft(core);
    await invoke(core, 'composer:update', { workspaceId: WS, statementId: d.statement.id, expectedRevision: 1, patch: { textFr: `${TEXT_FR} Merci.` }, author: 'A' });
    const late = await core.dispatch('composer:update', { workspaceId: WS, statementId: d.statement.id, expectedRevision: 1, patch: { textFr: 'Autre' }, author: 'B' });
    expect(late.ok).toBe(false);
    if (!late.ok) expect(late.error.code).toBe('CONFLICT');
  });
});

describe('approval and the draft check', () => {
  it('records in the log what the draft check still flagged when an approval was given', async () => {
    core = makeTestCore(tempDir(), { composerTuning: loopbackComposerTuning });
    const d = await invoke(core, 'composer:create', {
      workspaceId: WS,
      statement: {
        incidentId: INCIDENT,
        kind: 'holding',
        title: 'Spéculation',
        textFr: TEXT_FR,
        textEn: TEXT_EN.replace('card payments are down', 'card payments are probably down'),
        channels: ['linkedin'],
        author: 'Camille',
      },
    });
    await invoke(core, 'composer:approve', { workspaceId: WS, statementId: d.statement.id, approver: { person: 'Alice', role: 'crisisLead' }, contentHash: d.statement.contentHash });
    const log = await invoke(core, 'crisisLog:list', { workspaceId: WS, filter: { incidentId: INCIDENT } });
    const approval = log.find((e) => e.systemCode === 'composer.approved')!;
    expect(approval.body).toMatch(/Le contrôle signale encore\u202f: EN Spéculation\./);
    expect(approval.data?.openFlags).toBe('en:speculation');
  });

  it('takes who must approve each kind of statement from the crisis plan', async () => {
    core = makeTestCore(tempDir(), { composerTuning: loopbackComposerTuning });
    const stored = await invoke(core, 'plan:get', { workspaceId: WS });
    const strict = structuredClone(stored.plan);
    strict.approvals.holding = ['crisisLead', 'legal', 'communicationLead'];
    await invoke(core, 'plan:save', { workspaceId: WS, plan: strict, baseRevision: stored.revision });
    const d = await draft(core);
    expect(d.statement.requiredRoles).toEqual(['crisisLead', 'legal', 'communicationLead']);
    for (const [person, role] of [['Alice', 'crisisLead'], ['Bruno', 'legal']] as const) {
      await invoke(core, 'composer:approve', { workspaceId: WS, statementId: d.statement.id, approver: { person, role }, contentHash: d.statement.contentHash });
    }
    const twoOfThree = await core.dispatch('composer:queue', { workspaceId: WS, statementId: d.statement.id, person: 'Camille' });
    expect(twoOfThree.ok).toBe(false);
    if (!twoOfThree.ok) expect(twoOfThree.error.message).toMatch(/communicationLead/);

    // A plan naming a role it does not hold is refused with the path of the mistake.
    const current = await invoke(core, 'plan:get', { workspaceId: WS });
    const broken = structuredClone(current.plan);
    broken.roles = broken.roles.filter((r) => r.id !== 'communicationLead');
    broken.playbooks = broken.playbooks.map((p) => ({ ...p, items: p.items.filter((i) => i.ownerRole !== 'communicationLead') }));
    broken.roles = broken.roles.map((r) => ({ ...r, calls: r.calls.filter((c) => c !== 'communicationLead') }));
    const refused = await core.dispatch('plan:save', { workspaceId: WS, plan: broken, baseRevision: current.revision });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(JSON.stringify(refused.error)).toContain('approvals.holding.2');
  });
});

