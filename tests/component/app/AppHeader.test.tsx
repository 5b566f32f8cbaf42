import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AppHeader } from '../../../src/renderer/src/app/AppHeader';
import { backend } from '../support/fakeBackend';
import { workspace } from '../support/fixtures';
import { renderInApp } from '../support/render';

const withDefaults = (displayName: string, organisation: string) =>
  workspace({ settings: { ...workspace().settings, displayName, organisation } });

describe('AppHeader', () => {
  it.each([
    ['a workspace still named after the app shows its organisation', withDefaults('Tocsin', 'Banque Léman'), 'Banque Léman'],
    ['without an organisation, it says which workspace it is', withDefaults('Tocsin', ''), 'Live workspace'],
    ['a workspace with its own name shows that name', withDefaults('Cellule Genève', 'Banque Léman'), 'Cellule Genève'],
  ])('%s, and the app name appears once', async (_, ws, shown) => {
    backend.reply('system:info', { shell: 'browser', version: '1.0.0', platform: 'linux' }).reply('workspaces:list', [ws]);
    renderInApp(<AppHeader workspace={ws} />);
    expect(screen.getByTestId('header-workspace-name').textContent).toBe(shown);
    await screen.findByText('Browser mode');
    expect(document.body.textContent?.match(/Tocsin/g)).toHaveLength(1);
  });
});
