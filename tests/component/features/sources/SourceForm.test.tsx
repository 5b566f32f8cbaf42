import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SourceForm } from '../../../../src/renderer/src/features/sources/SourceForm';
import { backend } from '../../support/fakeBackend';
import { source } from '../../support/fixtures';
import { click, isDisabled, type } from '../../support/interact';
import { renderInApp, t } from '../../support/render';

const field = (key: string) => screen.getByRole('textbox', { name: t(`sources.form.${key}`) });
const button = (key: string) => screen.getByRole('button', { name: t(`sources.form.${key}`) });

describe('SourceForm (news feed or webhook)', () => {
  it('needs a feed address before it can test or save', () => {
    renderInApp(<SourceForm onDone={() => {}} />);
    expect(isDisabled(button('test'))).toBe(true);
    expect(isDisabled(button('save'))).toBe(true);
    type(field('url'), '   ');
    expect(isDisabled(button('save'))).toBe(true);
  });

  it('tests the feed without saving it, then saves it with its interval', async () => {
    backend.reply('sources:test', {
      ok: true,
      message: '2 items',
      detail: { key: 'settingsInvalid', params: { detail: '' } },
      itemCount: 2,
      sample: [{ title: 'Rappel de lots Acme', text: '', url: null, publishedAt: '2025-03-14T08:00:00Z' }],
    });
    backend.on('sources:create', ({ source: input }) => source({ id: 3, name: input.name, config: input.config }));
    const onDone = vi.fn();
    renderInApp(<SourceForm onDone={onDone} />);
    type(field('url'), ' https://news.example.org/feed.xml ');
    type(screen.getByRole('textbox', { name: t('sources.form.interval') }), '15');
    click(button('test'));
    expect((await screen.findByTestId('source-test-ok')).textContent).toContain('2 item(s) read. First ones:Rappel de lots Acme');
    expect(backend.callCount('sources:create')).toBe(0);
    click(button('save'));
    await waitFor(() => expect(onDone).toHaveBeenCalledOnce());
    const expected = { kind: 'rss', name: 'https://news.example.org/feed.xml', config: { url: 'https://news.example.org/feed.xml' }, intervalSeconds: 900 };
    expect(backend.sent('sources:test')).toEqual([{ workspaceId: 'live', source: expected }]);
    expect(backend.sent('sources:create')).toEqual([{ workspaceId: 'live', source: expected }]);
  });

  it.each([
    ['fr', 'Cette source ne peut pas être lue\u202f: news.example.org n’a pas de flux à cette adresse (HTTP 404).'],
    ['en', 'This source cannot be read: news.example.org has no feed at this address (HTTP 404).'],
  ] as const)('words a failed test in %s from the problem main named', async (language, text) => {
    backend.reply('sources:test', {
      ok: false,
      message: 'news.example.org has no feed at this address (HTTP 404).',
      detail: { key: 'noFeed', params: { host: 'news.example.org', status: 404 } },
      itemCount: 0,
      sample: [],
    });
    renderInApp(<SourceForm onDone={() => {}} />, { language });
    type(field('url'), 'https://news.example.org/nothing');
    click(button('test'));
    expect((await screen.findByTestId('source-test-failed')).textContent).toBe(text);
  });

  it('offers a webhook on a port of this computer, refusing privileged and out-of-range ports', async () => {
    backend.on('sources:create', ({ source: input }) => source({ id: 5, kind: 'webhook', name: input.name, config: input.config }));
    const onDone = vi.fn();
    renderInApp(<SourceForm onDone={onDone} />);
    click(screen.getByRole('radio', { name: t('sources.kinds.webhook') }));
    expect(screen.queryByRole('button', { name: t('sources.form.test') })).toBeNull();
    const port = screen.getByRole('textbox', { name: t('sources.form.port') });
    type(port, '80');
    expect(isDisabled(button('save'))).toBe(true);
    type(port, '70000');
    expect(isDisabled(button('save'))).toBe(true);
    type(port, '9100');
    click(button('save'));
    await waitFor(() => expect(onDone).toHaveBeenCalledOnce());
    expect(backend.sent('sources:create')).toEqual([{ workspaceId: 'live', source: { kind: 'webhook', name: 'Webhook 9100', config: { port: 9100 } } }]);
  });

  it('edits a saved feed under its id, keeping its kind', async () => {
    backend.on('sources:update', ({ id, source: input }) => source({ id, name: input.name, config: input.config }));
    const onDone = vi.fn();
    renderInApp(<SourceForm source={source({ id: 8, name: 'Le Monde', intervalSeconds: 1200 })} onDone={onDone} />);
    expect(screen.queryByRole('radio', { name: t('sources.kinds.webhook') })).toBeNull();
    type(field('name'), 'Le Monde — Une');
    click(button('save'));
    await waitFor(() => expect(onDone).toHaveBeenCalledOnce());
    expect(backend.sent('sources:update')).toEqual([
      { workspaceId: 'live', id: 8, source: { kind: 'rss', name: 'Le Monde — Une', config: { url: 'https://www.lemonde.fr/rss/une.xml' }, intervalSeconds: 1200 } },
    ]);
  });

  it.each([
    ['fr', 'Certaines valeurs ne sont pas valides. Le port du webhook doit être un nombre entre 1024 et 65535.'],
    ['en', 'Some values are not valid. The webhook port must be a number between 1024 and 65535.'],
  ] as const)('shows a refused save in %s, worded from the catalogue key main sent', async (language, text) => {
    backend.refuse('sources:create', 'INVALID_INPUT', 'The webhook port must be a number between 1024 and 65535.', undefined, {
      key: 'sources.refusals.webhookPort',
    });
    const onDone = vi.fn();
    renderInApp(<SourceForm onDone={onDone} />, { language });
    type(field('url'), 'https://news.example.org/feed.xml');
    click(button('save'));
    expect((await screen.findByRole('alert')).textContent).toBe(text);
    expect(onDone).not.toHaveBeenCalled();
  });
});
