import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CampaignState, OutboxItem } from '../../../../src/shared/domain/statement';
import type { ResponseItem } from '../../../../src/shared/domain/responseQueue';
import { AccountsPanel } from '../../../../src/renderer/src/features/composer/AccountsPanel';
import { CampaignFreezePanel } from '../../../../src/renderer/src/features/composer/CampaignFreezePanel';
import { OutboxItemRow } from '../../../../src/renderer/src/features/composer/OutboxItemRow';
import { ResponseQueuePanel } from '../../../../src/renderer/src/features/composer/ResponseQueuePanel';
import { backend } from '../../support/fakeBackend';
import { AT, INCIDENT_ID, rememberOperator, STATEMENT_ID, storedPlan } from '../../support/fixtures';
import { click, isDisabled, type } from '../../support/interact';
import { renderInApp, t } from '../../support/render';

const campaign = (overrides: Partial<CampaignState> = {}): CampaignState => ({
  id: 'spring-sale',
  name: 'Soldes de printemps',
  channels: ['Meta Ads'],
  owner: 'Agence Lumen',
  ownerPhone: '+33 1 00 00 00 00',
  howToFreeze: { fr: 'Appeler l’agence', en: 'Call the agency' },
  planStatus: 'running',
  frozen: false,
  lastChange: null,
  ...overrides,
});

describe('Campaign freeze', () => {
  it('freezes every campaign with who and why, and needs both', async () => {
    rememberOperator('Claire Petit', 'communicationLead');
    backend.reply('composer:campaigns', [campaign()]);
    backend.reply('composer:freeze', [campaign({ frozen: true })]);
    renderInApp(<CampaignFreezePanel workspaceId="live" incidentId={INCIDENT_ID} />);
    const freezeAll = await screen.findByTestId('composer-freeze-all');
    expect((screen.getByTestId('composer-freeze-person') as HTMLInputElement).value).toBe('Claire Petit');
    expect(isDisabled(freezeAll)).toBe(true);
    type(screen.getByTestId('composer-freeze-reason'), 'Rappel produit en cours');
    click(freezeAll);
    await waitFor(() =>
      expect(backend.sent('composer:freeze')).toEqual([
        { workspaceId: 'live', campaigns: 'all', action: 'freeze', person: 'Claire Petit', reason: 'Rappel produit en cours', incidentId: INCIDENT_ID },
      ]),
    );
  });

  it('releases one frozen campaign', async () => {
    backend.reply('composer:campaigns', [campaign({ frozen: true })]);
    backend.reply('composer:freeze', [campaign()]);
    renderInApp(<CampaignFreezePanel workspaceId="live" incidentId={null} />);
    const card = await screen.findByTestId('campaign-spring-sale');
    type(screen.getByTestId('composer-freeze-person'), 'Claire Petit');
    type(screen.getByTestId('composer-freeze-reason'), 'Crise close');
    click(within(card).getByRole('button', { name: t('composer.freeze.unfreeze') }));
    await waitFor(() => expect(backend.sent('composer:freeze')[0]).toMatchObject({ campaigns: ['spring-sale'], action: 'unfreeze', incidentId: null }));
  });
});

describe('Publishing accounts', () => {
  it('saves a Mastodon account once it has an instance and a token', async () => {
    backend.reply('composer:accounts', []);
    backend.reply('composer:setAccount', [{ channel: 'mastodon', configured: true, target: 'piaille.fr', maxCharacters: 500 }]);
    renderInApp(<AccountsPanel workspaceId="live" />);
    const save = screen.getByTestId('composer-mastodon-save');
    type(screen.getByTestId('composer-mastodon-url'), 'https://piaille.fr');
    expect(isDisabled(save)).toBe(true);
    type(screen.getByTestId('composer-mastodon-token'), 'tok-abc');
    click(save);
    await waitFor(() =>
      expect(backend.sent('composer:setAccount')).toEqual([
        { workspaceId: 'live', account: { channel: 'mastodon', config: { instanceUrl: 'https://piaille.fr', accessToken: 'tok-abc', maxCharacters: 500 } } },
      ]),
    );
  });

  it.each([
    ['fr', 'Certaines valeurs ne sont pas valides. Invalid input for composer:setAccount.'],
    ['en', 'Some values are not valid. Invalid input for composer:setAccount.'],
  ] as const)('says in %s that a server address must be a web address', async (language, text) => {
    backend.reply('composer:accounts', []);
    backend.expectInvalidInput('composer:setAccount');
    renderInApp(<AccountsPanel workspaceId="live" />, { language });
    type(screen.getByRole('textbox', { name: t('composer.accounts.blueskyService') }), 'bsky.social');
    type(screen.getByRole('textbox', { name: t('composer.accounts.blueskyHandle') }), 'cellule.bsky.social');
    type(screen.getByLabelText(t('composer.accounts.blueskyPassword')), 'app-pass');
    click(screen.getAllByRole('button', { name: t('composer.accounts.save') })[1]!);
    expect(await screen.findByText(text)).toBeTruthy();
  });
});

const response = (overrides: Partial<ResponseItem> = {}): ResponseItem => ({
  mentionId: 88,
  reason: 'journalist',
  flaggedBy: 'rules',
  flaggedAt: AT,
  assignedRole: null,
  state: 'open',
  statementId: null,
  note: null,
  handledBy: null,
  handledAt: null,
  mention: {
    text: 'Bonjour, Le Parisien : pouvez-vous confirmer le rappel ?',
    title: null,
    url: null,
    authorName: 'Anne Martin',
    authorHandle: '@amartin',
    authorKind: 'journalist',
    authorAudience: 12000,
    sourceKind: 'mastodon',
    publishedAt: AT,
    language: 'fr',
  },
  ...overrides,
});

describe('Response queue', () => {
  it('shows the queue a page at a time, never more cards than a page, and goes back and forth by cursor', async () => {
    rememberOperator('Claire Petit', null);
    const PAGE = 12;
    const cursorAfter = (n: number) => ({ audience: 1000, flaggedAt: AT, mentionId: 1000 - n * PAGE });
    // A 6,000-item queue: the backend answers the page after each cursor (small pages keep the test quick).
    backend.on('composer:responses', ({ after }) => {
      const from = after ? (1000 - after.mentionId) / PAGE : 0;
      const items = Array.from({ length: PAGE }, (_, k) => response({ mentionId: 100_000 + from * PAGE + k }));
      return { items, next: from < 6000 / PAGE - 1 ? cursorAfter(from + 1) : null };
    });
    backend.reply('composer:responseCounts', { open: 6000, replying: 0, answered: 0, offline: 0, dismissed: 0, unanswered: 6000 });
    backend.reply('plan:get', storedPlan());
    renderInApp(<ResponseQueuePanel workspaceId="live" incidentId={null} onOpenStatement={() => {}} />);
    await screen.findByTestId('response-100000', {}, { timeout: 10_000 });
    const cards = () => screen.getByTestId('composer-responses').querySelectorAll('[data-testid^="response-1"]').length;
    expect(cards()).toBe(PAGE);
    expect(isDisabled(screen.getByTestId('responses-previous'))).toBe(true);
    click(screen.getByTestId('responses-next'));
    await screen.findByTestId(`response-${100_000 + PAGE}`, {}, { timeout: 10_000 });
    expect(screen.queryByTestId('response-100000')).toBeNull();
    expect(cards()).toBe(PAGE);
    expect(screen.getByTestId('responses-page').textContent).toBe(t('composer.responses.page', { page: 2 }));
    expect(backend.sent('composer:responses').at(-1)).toEqual({ workspaceId: 'live', after: cursorAfter(1) });
    click(screen.getByTestId('responses-previous'));
    await screen.findByTestId('response-100000', {}, { timeout: 10_000 });
    expect(cards()).toBe(PAGE);
   }, 90_000);

  it('records how a mention was handled offline, only with a note', async () => {
    rememberOperator('Claire Petit', null);
    backend.reply('composer:responses', { items: [response()], next: null });
    backend.reply('composer:responseCounts', { open: 1, replying: 0, answered: 0, offline: 0, dismissed: 0, unanswered: 1 });
    backend.reply('plan:get', storedPlan());
    backend.reply('composer:closeResponse', response({ state: 'offline' }));
    renderInApp(<ResponseQueuePanel workspaceId="live" incidentId={INCIDENT_ID} onOpenStatement={() => {}} />);
    const card = await screen.findByTestId('response-88');
    // Working on an incident, the queue is that incident's own.
    expect(backend.sent('composer:responses')).toEqual([{ workspaceId: 'live', incidentId: INCIDENT_ID }]);
    expect(backend.sent('composer:responseCounts')).toEqual([{ workspaceId: 'live', incidentId: INCIDENT_ID }]);
    const offline = within(card).getByRole('button', { name: t('composer.responses.offline') });
    expect(isDisabled(offline)).toBe(true);
    type(within(card).getByRole('textbox', { name: t('composer.responses.note') }), 'Rappelée par téléphone');
    click(offline);
    await waitFor(() =>
      expect(backend.sent('composer:closeResponse')).toEqual([
        { workspaceId: 'live', mentionId: 88, state: 'offline', note: 'Rappelée par téléphone', person: 'Claire Petit', incidentId: INCIDENT_ID },
      ]),
    );
  });
});

const manualItem: OutboxItem = {
  id: '1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9',
  statementId: STATEMENT_ID,
  channel: 'website',
  language: 'fr',
  parts: ['Nous avons connaissance de la situation.'],
  state: 'manual',
  attempts: 0,
  nextAttemptAt: AT,
  lastError: null,
  lastErrorMessage: null,
  url: null,
  publishedAt: null,
  confirmedBy: null,
  postedCount: 0,
};

describe('Manual publication', () => {
  it('confirms a post published by hand with its address', async () => {
    rememberOperator('Claire Petit', null);
    backend.reply('composer:confirmManual', { ...manualItem, state: 'published' });
    renderInApp(<OutboxItemRow workspaceId="live" item={manualItem} showText={false} />);
    type(screen.getByRole('textbox', { name: t('composer.outbox.confirmUrl') }), ' https://acme.example/actualites/rappel ');
    click(screen.getByRole('button', { name: t('composer.outbox.confirm') }));
    await waitFor(() => expect(backend.callCount('composer:confirmManual')).toBe(1));
    const sent = backend.sent('composer:confirmManual')[0]!;
    expect(sent).toMatchObject({ outboxId: manualItem.id, confirmation: { person: 'Claire Petit', url: 'https://acme.example/actualites/rappel' } });
    expect(Date.parse(sent.confirmation.publishedAt)).not.toBeNaN();
  });

  it.each([
    ['fr', 'Certaines valeurs ne sont pas valides. Invalid input for composer:confirmManual.'],
    ['en', 'Some values are not valid. Invalid input for composer:confirmManual.'],
  ] as const)('says in %s that the address given is not a web address', async (language, text) => {
    backend.expectInvalidInput('composer:confirmManual');
    renderInApp(<OutboxItemRow workspaceId="live" item={manualItem} showText={false} />, { language });
    type(screen.getByRole('textbox', { name: t('composer.outbox.confirmUrl') }), 'intranet/actualites');
    click(screen.getByRole('button', { name: t('composer.outbox.confirm') }));
    expect(await screen.findByText(text)).toBeTruthy();
  });
});
