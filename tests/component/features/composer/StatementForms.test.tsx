import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApprovalsPanel } from '../../../../src/renderer/src/features/composer/ApprovalsPanel';
import { NewStatementModal } from '../../../../src/renderer/src/features/composer/NewStatementModal';
import { StatementEditor } from '../../../../src/renderer/src/features/composer/StatementEditor';
import { backend } from '../../support/fakeBackend';
import { incident, INCIDENT_ID, rememberOperator, STATEMENT_ID, statementDetail, storedPlan, workspace } from '../../support/fixtures';
import { choose, click, isDisabled, type } from '../../support/interact';
import { renderInApp, t } from '../../support/render';

describe('New statement form', () => {
  it('starts a blank statement of the kind chosen, titled after it, on the public channels', async () => {
    rememberOperator('Claire Petit', 'communicationLead');
    backend.reply('plan:get', storedPlan());
    backend.reply('workspaces:get', workspace());
    backend.on('composer:create', () => statementDetail());
    const onCreated = vi.fn();
    renderInApp(<NewStatementModal workspaceId="live" incident={incident()} onClose={() => {}} onCreated={onCreated} />, { language: 'fr' });
    await choose(screen.getByTestId('composer-new-kind'), t('composer.kinds.update'));
    click(screen.getByTestId('composer-new-create'));
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(STATEMENT_ID));
    expect(backend.sent('composer:create')).toEqual([
      {
        workspaceId: 'live',
        statement: {
          incidentId: INCIDENT_ID,
          kind: 'update',
          title: t('composer.kinds.update'),
          textFr: '',
          textEn: '',
          channels: ['mastodon', 'bluesky', 'website'],
          templateId: null,
          author: 'Claire Petit',
        },
      },
    ]);
  });

  it('fills a plan template’s twins with the values typed for each language', async () => {
    backend.reply('plan:get', storedPlan());
    backend.reply('workspaces:get', workspace());
    backend.on('composer:create', () => statementDetail());
    const onCreated = vi.fn();
    renderInApp(<NewStatementModal workspaceId="live" incident={incident()} onClose={() => {}} onCreated={onCreated} />);
    await waitFor(() => expect(screen.getByTestId('composer-new-template').getAttribute('disabled')).toBeNull());
    await choose(screen.getByTestId('composer-new-template'), 'Holding — product defect');
    type(await screen.findByTestId('composer-var-product-fr'), 'la bouilloire K2');
    type(screen.getByTestId('composer-var-product-en'), 'the K2 kettle');
    type(screen.getByTestId('composer-var-hotline-fr'), '0800 555 000');
    type(screen.getByTestId('composer-var-hotline-en'), '+33 800 555 000');
    click(screen.getByTestId('composer-new-create'));
    await waitFor(() => expect(onCreated).toHaveBeenCalled());
    const sent = backend.sent('composer:create')[0]!.statement;
    expect(sent).toMatchObject({ kind: 'holding', templateId: 'holding-productDefect', title: 'Holding — product defect' });
    expect(sent.textFr).toContain('concernant la bouilloire K2');
    expect(sent.textFr).toContain('au 0800 555 000');
    expect(sent.textEn).toContain('about the K2 kettle');
    expect(sent.textEn).toContain('on +33 800 555 000');
  });
});

describe('Statement editor', () => {
  it('saves the edited twins and channels over the revision it started from', async () => {
    rememberOperator('Claire Petit', null);
    const detail = statementDetail();
    backend.reply('composer:update', detail);
    renderInApp(<StatementEditor workspaceId="live" statement={detail.statement} />);
    const save = screen.getByTestId('composer-save');
    expect(isDisabled(save)).toBe(true);
    type(screen.getByTestId('composer-text-fr'), 'Nous enquêtons.');
    click(screen.getByTestId('composer-channel-mastodon'));
    expect(screen.getByText(t('composer.unsaved'))).toBeTruthy();
    click(save);
    await waitFor(() => expect(backend.callCount('composer:update')).toBe(1));
    expect(backend.sent('composer:update')).toEqual([
      {
        workspaceId: 'live',
        statementId: STATEMENT_ID,
        expectedRevision: 2,
        patch: { title: 'Déclaration d’attente', textFr: 'Nous enquêtons.', textEn: 'We are aware of the situation.', channels: ['mastodon', 'website'], variants: {} },
        author: 'Claire Petit',
      },
    ]);
  });

  it('will not save without a title', () => {
    const detail = statementDetail();
    renderInApp(<StatementEditor workspaceId="live" statement={detail.statement} />);
    type(screen.getByRole('textbox', { name: t('composer.fields.title') }), '   ');
    expect(isDisabled(screen.getByTestId('composer-save'))).toBe(true);
  });

  it.each([
    ['fr', 'Conflit avec une modification faite entre-temps. Someone saved revision 3 meanwhile.'],
    ['en', 'This conflicts with a change made meanwhile. Someone saved revision 3 meanwhile.'],
  ] as const)('says in %s that someone else saved first', async (language, text) => {
    backend.refuse('composer:update', 'CONFLICT', 'Someone saved revision 3 meanwhile.');
    renderInApp(<StatementEditor workspaceId="live" statement={statementDetail().statement} />, { language });
    type(screen.getByTestId('composer-text-en'), 'We are looking into it.');
    click(screen.getByTestId('composer-save'));
    expect(await screen.findByText(text)).toBeTruthy();
  });
});

describe('Approvals', () => {
  it('approves the exact text as the person and role given, and remembers who is at this computer', async () => {
    backend.reply('plan:get', storedPlan());
    const detail = statementDetail();
    backend.reply('composer:approve', detail);
    renderInApp(<ApprovalsPanel workspaceId="live" detail={detail} />);
    const approve = screen.getByTestId('composer-approve');
    expect(isDisabled(approve)).toBe(true);
    const legal = storedPlan().plan.roles.find((r) => r.id === 'legal')!.name.en;
    // Role names come from the plan, once it is read.
    await waitFor(() => expect(screen.getByText(t('composer.approvals.required', { roles: '' }), { exact: false }).textContent).toContain(legal));
    type(screen.getByTestId('composer-approver-name'), ' Jean Martin ');
    await choose(screen.getByTestId('composer-approver-role'), legal);
    click(approve);
    await waitFor(() =>
      expect(backend.sent('composer:approve')).toEqual([
        { workspaceId: 'live', statementId: STATEMENT_ID, approver: { person: 'Jean Martin', role: 'legal' }, contentHash: 'c'.repeat(64) },
      ]),
    );
    expect(JSON.parse(window.localStorage.getItem('tocsin.operator')!)).toEqual({ name: 'Jean Martin', role: 'legal' });
  });

  it('rejects only with a reason', async () => {
    rememberOperator('Jean Martin', 'legal');
    backend.reply('plan:get', storedPlan());
    const detail = statementDetail();
    backend.reply('composer:reject', detail);
    renderInApp(<ApprovalsPanel workspaceId="live" detail={detail} />);
    const reject = screen.getByRole('button', { name: t('composer.approvals.reject') });
    expect(isDisabled(reject)).toBe(true);
    type(screen.getByRole('textbox', { name: t('composer.approvals.reason') }), 'Pas de mention du numéro vert.');
    click(reject);
    await waitFor(() => expect(backend.sent('composer:reject')[0]).toMatchObject({ approver: { person: 'Jean Martin', role: 'legal' }, reason: 'Pas de mention du numéro vert.' }));
  });

  it.each(['fr', 'en'] as const)('shows in %s who approved which text on which laptop, which approvals are stale, and which are not genuine', async (language) => {
    backend.reply('plan:get', storedPlan());
    const member = (deviceId: string, name: string) => ({ deviceId, name, roles: [], joinedAt: '2026-12-07T09:00:00.000Z', revokedAt: null, addresses: [], personName: null, relay: false, self: false, online: true, lastContact: null, waitingChanges: 0 });
    backend.reply('cell:status', {
      cell: { cellId: 'cell', deviceId: 'a'.repeat(32), authority: true, listening: null, members: [member('b'.repeat(32), 'Portable de Bob')], heads: [], cutOff: null, waitingChanges: 0, discovered: [] },
      interfaces: [],
    });
    const decision = (seq: number, person: string, contentHash: string, current: boolean, genuine: boolean) => ({
      seq,
      decision: 'approved' as const,
      person,
      role: 'legal',
      reason: null,
      contentHash,
      decidedAt: '2026-12-07T10:00:00.000Z',
      current,
      deviceId: 'b'.repeat(32),
      genuine,
    });
    const detail = { ...statementDetail(), decisions: [decision(1, 'Bob', 'e'.repeat(64), false, true), decision(2, 'Mallory', 'c'.repeat(64), true, false), decision(3, 'Bob', 'c'.repeat(64), true, true)] };
    renderInApp(<ApprovalsPanel workspaceId="live" detail={detail} />, { language });
    const say = (key: string, options: Record<string, unknown> = {}) => t(key, { ...options, lng: language });
    await waitFor(() => expect(screen.getAllByTestId('composer-decision')[0]!.textContent).toContain(say('composer.approvals.signedOn', { laptop: 'Portable de Bob' })));
    const [current, forged, stale] = screen.getAllByTestId('composer-decision').map((e) => e.textContent ?? '');
    expect(current).toContain(say('composer.approvals.version', { hash: 'c'.repeat(12) }));
    expect(current).not.toContain(say('composer.approvals.outdated'));
    expect(current).not.toContain(say('composer.approvals.notGenuine'));
    expect(forged).toContain(say('composer.approvals.notGenuine'));
    expect(stale).toContain(say('composer.approvals.version', { hash: 'e'.repeat(12) }));
    expect(stale).toContain(say('composer.approvals.outdated'));
    expect(stale).not.toContain(say('composer.approvals.notGenuine'));
  });

  it.each([
    ['fr', 'Conflit avec une modification faite entre-temps. The text changed since you read it.'],
    ['en', 'This conflicts with a change made meanwhile. The text changed since you read it.'],
  ] as const)('says in %s when the text changed under the approver', async (language, text) => {
    rememberOperator('Jean Martin', 'legal');
    backend.reply('plan:get', storedPlan());
    backend.refuse('composer:approve', 'CONFLICT', 'The text changed since you read it.');
    renderInApp(<ApprovalsPanel workspaceId="live" detail={statementDetail()} />, { language });
    click(screen.getByTestId('composer-approve'));
    expect((await screen.findByRole('alert')).textContent).toBe(text);
  });
});
