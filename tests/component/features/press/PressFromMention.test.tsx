import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { StoredMention } from '../../../../src/shared/domain/storedMention';
import { PressFromMention } from '../../../../src/renderer/src/features/press/PressFromMention';
import { backend } from '../../support/fakeBackend';
import { AT, incident, INCIDENT_ID, plan, storedPlan } from '../../support/fixtures';
import { click } from '../../support/interact';
import { renderInApp, t } from '../../support/render';

// A journalist's post: the press desk's inquiry form opens filled from it (outlet, journalist, question).
const post: StoredMention = {
  id: 31,
  sourceId: 2,
  sourceKind: 'mastodon',
  sourceName: 'Le Temps',
  sourceLabel: 'mastodon.social',
  externalId: 'm-31',
  url: null,
  canonicalUrl: null,
  author: { handle: '@anne_jaquet', displayName: 'Anne Jaquet', audience: 12_000, kind: 'journalist', verified: null },
  hashtags: [],
  title: null,
  text: 'Poste rapide : combien de colis perdus ? J’attends votre réponse avant 16 h.',
  language: 'fr',
  publishedAt: AT,
  fetchedAt: AT,
  engagement: { likes: null, shares: null, replies: null },
  replyToExternalId: null,
  toneClass: 'negative',
  toneScore: -0.4,
  toneCorrected: false,
  agencyTone: null,
  watchIds: [],
};

const EMPTY_DESK = { inquiries: [], summary: { total: 0, open: 0, overdue: 0, answeredOnTime: 0, answeredLate: 0, declined: 0 } };

describe('Press inquiry from a mention', () => {
  it('opens the inquiry form of an open incident filled from a journalist’s post and records it with the mention', async () => {
    backend.reply('incidents:list', [incident()]).reply('incidents:get', incident()).reply('plan:get', storedPlan({ plan: plan() })).reply('press:create', EMPTY_DESK);
    renderInApp(<PressFromMention mention={post} />);
    click(screen.getByTestId('press-from-mention'));
    await waitFor(() => expect((screen.getByTestId('press-outlet') as HTMLInputElement).value).toBe('Le Temps'));
    expect((screen.getByTestId('press-person') as HTMLInputElement).value).toBe('Anne Jaquet');
    expect((screen.getByTestId('press-question') as HTMLTextAreaElement).value).toBe(post.text);
    click(screen.getByTestId('press-submit'));
    await waitFor(() => expect(backend.callCount('press:create')).toBe(1));
    const [sent] = backend.sent('press:create');
    expect(sent).toMatchObject({ incidentId: INCIDENT_ID, inquiry: { outlet: 'Le Temps', person: 'Anne Jaquet', channel: 'social', mentionId: 31 } });
    expect(Date.parse(sent!.inquiry.deadline as string)).toBeGreaterThan(Date.now());
    await waitFor(() => expect(screen.getByTestId('press-from-mention-done').textContent).toBe(t('press.fromMention.created', { title: incident().title })));
    expect(backend.problems).toEqual([]);
  });

  it('is not offered on a post by a member of the public', () => {
    backend.reply('incidents:list', [incident()]);
    renderInApp(<PressFromMention mention={{ ...post, author: { ...post.author, kind: 'public' } }} />, { language: 'fr' });
    expect(screen.queryByTestId('press-from-mention')).toBeNull();
  });
});
