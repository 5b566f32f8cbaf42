import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SettingsScreen } from '../../../../src/renderer/src/features/settings/SettingsScreen';
import { backend } from '../../support/fakeBackend';
import { workspace } from '../../support/fixtures';
import { click, isDisabled, type } from '../../support/interact';
import { renderInApp, t } from '../../support/render';

const stored = workspace();

function answerReads(protection: 'none' | 'passphrase' = 'none') {
  backend.reply('workspaces:get', stored);
  backend.reply('security:status', { protection, locked: false });
  backend.reply('security:networkPolicy', { sealed: false, allowed: [{ origin: 'https://www.lemonde.fr', reason: 'Source “Le Monde”' }] });
}

describe('Workspace settings form', () => {
  it('saves only what was changed to the workspace, and only once something was', async () => {
    answerReads();
    backend.on('workspaces:updateSettings', ({ settings }) => ({ ...stored, settings: { ...stored.settings, ...settings } }));
    renderInApp(<SettingsScreen />);
    const name = await screen.findByTestId('setting-displayName');
    const save = screen.getByTestId('settings-save');
    expect(isDisabled(save)).toBe(true);
    type(name, 'Cellule Acme');
    type(screen.getByRole('textbox', { name: t('settings.statusMeetingHours') }), '3');
    click(save);
    expect(await screen.findByText(t('settings.saved'))).toBeTruthy();
    expect(backend.sent('workspaces:updateSettings')).toEqual([
      { workspaceId: 'live', settings: { ...stored.settings, displayName: 'Cellule Acme', statusMeetingHours: 3 } },
    ]);
  });

  it.each(['fr', 'en'] as const)('sets in %s how many months full mentions are kept', async (language) => {
    answerReads();
    backend.on('workspaces:updateSettings', ({ settings }) => ({ ...stored, settings: { ...stored.settings, ...settings } }));
    renderInApp(<SettingsScreen />, { language });
    await screen.findByTestId('setting-displayName');
    const months = screen.getByRole('textbox', { name: t('settings.retentionMonths', { lng: language }) });
    expect(screen.getByText(t('settings.retentionHelp', { lng: language }))).toBeTruthy();
    type(months, '13');
    click(screen.getByTestId('settings-save'));
    await waitFor(() => expect(backend.sent('workspaces:updateSettings')).toEqual([{ workspaceId: 'live', settings: { ...stored.settings, retentionMonths: 13 } }]));
  });

  it.each([
    ['fr', 'Certaines valeurs ne sont pas valides.'],
    ['en', 'Some values are not valid.'],
  ] as const)('marks in %s the field the backend refused, and no other', async (language, text) => {
    answerReads();
    backend.expectInvalidInput('workspaces:updateSettings');
    renderInApp(<SettingsScreen />, { language });
    const name = await screen.findByTestId('setting-displayName');
    type(name, '   ');
    click(screen.getByTestId('settings-save'));
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    const describedBy = name.getAttribute('aria-describedby')!.split(' ').find((id) => id.endsWith('-error'))!;
    expect(document.getElementById(describedBy)?.textContent).toBe(text);
    expect(screen.getByRole('textbox', { name: t('settings.organisation') }).getAttribute('aria-invalid')).not.toBe('true');
  });

  it('turns sealed mode on through the workspace settings', async () => {
    answerReads();
    backend.on('workspaces:updateSettings', ({ settings }) => ({ ...stored, settings: { ...stored.settings, ...settings } }));
    renderInApp(<SettingsScreen />);
    expect((await screen.findByTestId('network-state')).textContent).toContain('https://www.lemonde.fr — Source “Le Monde”');
    click(screen.getByTestId('sealed-switch'));
    await waitFor(() => expect(backend.sent('workspaces:updateSettings')).toEqual([{ workspaceId: 'live', settings: { sealed: true } }]));
  });
});

describe('Passphrase form', () => {
  it.each([
    ['fr', 'Les deux phrases secrètes diffèrent.'],
    ['en', 'The two passphrases differ.'],
  ] as const)('says in %s when the repeated passphrase differs, and will not send it', async (language, text) => {
    answerReads();
    renderInApp(<SettingsScreen />, { language });
    type(await screen.findByTestId('new-passphrase'), 'correct horse battery');
    type(screen.getByTestId('confirm-passphrase'), 'correct horse batter');
    expect(await screen.findByText(text)).toBeTruthy();
    expect(isDisabled(screen.getByTestId('set-passphrase'))).toBe(true);
  });

  it('sets a first passphrase without asking for a current one', async () => {
    answerReads('none');
    backend.reply('security:setPassphrase', { protection: 'passphrase', locked: false });
    renderInApp(<SettingsScreen />);
    type(await screen.findByTestId('new-passphrase'), 'correct horse battery');
    type(screen.getByTestId('confirm-passphrase'), 'correct horse battery');
    click(screen.getByTestId('set-passphrase'));
    expect(await screen.findByText(t('security.passphraseSet'))).toBeTruthy();
    expect(backend.sent('security:setPassphrase')).toEqual([{ next: 'correct horse battery' }]);
    expect(screen.getByTestId('key-protection').textContent).toBe(t('security.protection.passphrase'));
  });

  it.each([
    ['fr', 'Non autorisé. Wrong passphrase.'],
    ['en', 'Not allowed. Wrong passphrase.'],
  ] as const)('sends the current passphrase to change it, and shows a refusal in %s', async (language, text) => {
    answerReads('passphrase');
    backend.refuse('security:setPassphrase', 'FORBIDDEN', 'Wrong passphrase.');
    renderInApp(<SettingsScreen />, { language });
    type(await screen.findByLabelText(t('security.currentPassphrase')), 'not the one');
    type(screen.getByTestId('new-passphrase'), 'a brand new passphrase');
    type(screen.getByTestId('confirm-passphrase'), 'a brand new passphrase');
    click(screen.getByTestId('set-passphrase'));
    expect(await screen.findByText(text)).toBeTruthy();
    expect(backend.sent('security:setPassphrase')).toEqual([{ next: 'a brand new passphrase', current: 'not the one' }]);
  });
});
