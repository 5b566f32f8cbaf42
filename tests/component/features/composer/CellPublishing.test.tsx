import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PublicationPanel } from '../../../../src/renderer/src/features/composer/PublicationPanel';
import { formatDateTime } from '../../../../src/renderer/src/i18n/format';
import type { StatementDetail } from '../../../../src/shared/domain/statement';
import { AT, statementDetail } from '../../support/fixtures';
import { renderInApp } from '../../support/render';

const LATER = '2025-03-14T09:42:00.000Z';
const URL = 'https://social.cell.example/@cellule/1';
const inCell = (cellPublishing: StatementDetail['cellPublishing']): StatementDetail => ({ ...statementDetail({ approvalState: 'approved', channels: ['mastodon'] }), cellPublishing });

describe('Publishing across the cell', () => {
  it('shows which laptop is publishing and since when, in English and in French', async () => {
    const pending = inCell({ pending: { memberName: 'Bruno', deviceId: 'b'.repeat(32), since: AT }, posts: [] });
    const { unmount } = renderInApp(<PublicationPanel workspaceId="live" detail={pending} />);
    expect((await screen.findByTestId('composer-cell-pending')).textContent).toBe(`Publishing on Bruno since ${formatDateTime(AT, 'en')}`);
    expect(screen.queryByText('Nothing queued yet.')).toBeNull();
    unmount();
    renderInApp(<PublicationPanel workspaceId="live" detail={pending} />, { language: 'fr' });
    expect((await screen.findByTestId('composer-cell-pending')).textContent).toBe(`Publication sur Bruno depuis ${formatDateTime(AT, 'fr')}`);
  });

  it('shows the post and its URL on a laptop whose own outbox published nothing', async () => {
    const posted = inCell({ pending: null, posts: [{ channel: 'mastodon', language: 'fr', url: URL, at: LATER, memberName: 'Chloé' }] });
    renderInApp(<PublicationPanel workspaceId="live" detail={posted} />, { language: 'fr' });
    const post = await screen.findByTestId('composer-cell-post');
    expect(post.textContent).toBe(`Publié sur Mastodon par Chloé à ${formatDateTime(LATER, 'fr')} · ${URL}`);
    expect(screen.getByRole('link', { name: URL }).getAttribute('href')).toBe(URL);
    expect(screen.queryByTestId('composer-cell-pending')).toBeNull();
  });
});
