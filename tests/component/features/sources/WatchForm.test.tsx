import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { WatchForm } from '../../../../src/renderer/src/features/sources/WatchForm';
import { backend } from '../../support/fakeBackend';
import { source, watch } from '../../support/fixtures';
import { addTags, choose, click, isDisabled, type } from '../../support/interact';
import { renderInApp } from '../../support/render';

const sources = [source({ id: 1, name: 'Le Monde' }), source({ id: 2, name: 'France Info' })];

describe('WatchForm', () => {
  it('keeps Save off until the watch has a name, and sends nothing', () => {
    renderInApp(<WatchForm sources={sources} onDone={() => {}} />);
    const save = screen.getByRole('button', { name: 'Save' });
    expect(isDisabled(save)).toBe(true);
    type(screen.getByRole('textbox', { name: 'Name' }), '   ');
    expect(isDisabled(save)).toBe(true);
    click(save);
    expect(backend.callCount('watches:create')).toBe(0);
  });

  it('creates the watch with its keywords, exclusions, languages and sources', async () => {
    backend.on('watches:create', ({ watch: input }) => watch({ ...input, id: 9 }));
    const onDone = vi.fn();
    renderInApp(<WatchForm sources={sources} onDone={onDone} />);
    type(screen.getByRole('textbox', { name: 'Name' }), '  Acme recall ');
    addTags(screen.getByTestId('watch-keywords'), 'acme', 'rappel produit');
    addTags(screen.getByRole('combobox', { name: 'Exclusions' }), 'acme.com');
    await choose(screen.getByRole('combobox', { name: 'Languages' }), 'French');
    await choose(screen.getByRole('combobox', { name: 'Only these sources' }), 'France Info');
    click(screen.getByRole('switch', { name: 'Active' }));
    click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledOnce());
    expect(backend.sent('watches:create')).toEqual([
      {
        workspaceId: 'live',
        watch: { name: 'Acme recall', keywords: ['acme', 'rappel produit'], exclusions: ['acme.com'], languages: ['fr'], authors: [], sourceIds: [2], enabled: false },
      },
    ]);
  });

  it('updates an existing watch under its id', async () => {
    const existing = watch({ id: 4, name: 'CEO', keywords: ['dupont'], sourceIds: [1] });
    backend.on('watches:update', ({ id, watch: input }) => watch({ ...input, id }));
    const onDone = vi.fn();
    renderInApp(<WatchForm watch={existing} sources={sources} onDone={onDone} />);
    type(screen.getByRole('textbox', { name: 'Name' }), 'CEO and board');
    click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledOnce());
    expect(backend.sent('watches:update')).toEqual([
      { workspaceId: 'live', id: 4, watch: { name: 'CEO and board', keywords: ['dupont'], exclusions: [], languages: [], authors: [], sourceIds: [1], enabled: true } },
    ]);
  });

  it.each([
    ['fr', 'Enregistrer', 'Nom', 'Certaines valeurs ne sont pas valides.'],
    ['en', 'Save', 'Name', 'Some values are not valid.'],
  ] as const)('shows a refused watch in %s and stays open', async (language, saveLabel, nameLabel, refusal) => {
    backend.refuse('watches:create', 'INVALID_INPUT', 'A watch needs at least one keyword or one source.', [{ path: 'watch.keywords', message: 'Add a keyword or a source.' }]);
    const onDone = vi.fn();
    renderInApp(<WatchForm sources={sources} onDone={onDone} />, { language });
    type(screen.getByRole('textbox', { name: nameLabel }), 'Sans mots-clés');
    click(screen.getByRole('button', { name: saveLabel }));
    expect((await screen.findByRole('alert')).textContent).toBe(`${refusal} A watch needs at least one keyword or one source.`);
    expect(onDone).not.toHaveBeenCalled();
  });
});
