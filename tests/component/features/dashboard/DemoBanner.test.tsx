import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DemoBanner } from '../../../../src/renderer/src/features/dashboard/DemoBanner';
import { backend } from '../../support/fakeBackend';
import { click } from '../../support/interact';
import { renderInApp } from '../../support/render';

const running = { state: 'running' as const, watchId: 3, watchName: 'Lemania (DEMO)' };
const stopped = { state: 'stopped' as const, watchId: null, watchName: null };

describe('DemoBanner', () => {
  it.each([
    ['en', 'Stop the demo?', 'Remove the demo watch and its mentions', 'recorded in the crisis log'],
    ['fr', 'Arrêter la démo ?', 'Retirer la veille de démo et ses mentions', 'consigné dans la main courante'],
  ] as const)('asks in %s before stopping, and stops nothing when the person changes their mind', async (language, title, remove, logged) => {
    backend.reply('demo:status', running);
    renderInApp(<DemoBanner />, { language });
    click(await screen.findByTestId('demo-stop'));
    const dialog = await screen.findByTestId('demo-stop-dialog');
    expect(screen.getByText(title)).toBeTruthy();
    expect(dialog.textContent).toContain(remove);
    expect(dialog.textContent).toContain(logged);
    expect(dialog.textContent).toContain('Lemania (DEMO)');
    click(screen.getByTestId('demo-stop-cancel'));
    await waitFor(() => expect(screen.queryByTestId('demo-stop-dialog')).toBeNull());
    expect(backend.sent('demo:stop')).toEqual([]);
  });

  it('keeps the demo watch and its mentions unless removal is chosen', async () => {
    backend.reply('demo:status', running).reply('demo:stop', stopped);
    renderInApp(<DemoBanner />);
    click(await screen.findByTestId('demo-stop'));
    click(await screen.findByTestId('demo-stop-confirm'));
    await waitFor(() => expect(backend.sent('demo:stop')).toEqual([{ workspaceId: 'live', removeData: false }]));
  });

  it('removes them when the person chooses to', async () => {
    backend.reply('demo:status', running).reply('demo:stop', stopped);
    renderInApp(<DemoBanner />);
    click(await screen.findByTestId('demo-stop'));
    click((await screen.findByTestId('demo-stop-remove')).querySelector('input') ?? screen.getByTestId('demo-stop-remove'));
    click(screen.getByTestId('demo-stop-confirm'));
    await waitFor(() => expect(backend.sent('demo:stop')).toEqual([{ workspaceId: 'live', removeData: true }]));
  });
});
