import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LockGate } from '../../../src/renderer/src/app/LockGate';
import { backend } from '../support/fakeBackend';
import { click, isDisabled, type } from '../support/interact';
import { renderInApp } from '../support/render';

describe('LockGate', () => {
  it('shows the app itself when the data is open', async () => {
    backend.reply('security:status', { protection: 'os', locked: false });
    renderInApp(<LockGate>the war room</LockGate>);
    expect(await screen.findByText('the war room')).toBeTruthy();
    expect(screen.queryByTestId('unlock-screen')).toBeNull();
  });

  it.each([
    ['fr', 'Tocsin est verrouillé', 'Non autorisé. Wrong passphrase.'],
    ['en', 'Tocsin is locked', 'Not allowed. Wrong passphrase.'],
  ] as const)('asks for the passphrase in %s and says when it is wrong', async (language, title, refusal) => {
    backend.reply('security:status', { protection: 'passphrase', locked: true });
    backend.refuse('security:unlock', 'FORBIDDEN', 'Wrong passphrase.');
    renderInApp(<LockGate>the war room</LockGate>, { language });
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe(title);
    expect(isDisabled(screen.getByTestId('unlock-submit'))).toBe(true);
    type(screen.getByTestId('unlock-passphrase'), 'guess');
    click(screen.getByTestId('unlock-submit'));
    expect(await screen.findByText(refusal)).toBeTruthy();
    expect(screen.queryByText('the war room')).toBeNull();
  });

  it('opens the app once the passphrase unlocks the data', async () => {
    let locked = true;
    backend.on('security:status', () => ({ protection: 'passphrase', locked }));
    backend.on('security:unlock', () => {
      locked = false;
      return { protection: 'passphrase', locked };
    });
    renderInApp(<LockGate>the war room</LockGate>);
    type(await screen.findByTestId('unlock-passphrase'), 'correct horse battery');
    click(screen.getByTestId('unlock-submit'));
    expect(await screen.findByText('the war room')).toBeTruthy();
    await waitFor(() => expect(backend.sent('security:unlock')).toEqual([{ passphrase: 'correct horse battery' }]));
  });
});
