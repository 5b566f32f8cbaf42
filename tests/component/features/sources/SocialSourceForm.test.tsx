import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SocialSourceForm } from '../../../../src/renderer/src/features/sources/SocialSourceForm';
import { backend } from '../../support/fakeBackend';
import { source } from '../../support/fixtures';
import { choose, click, isDisabled, type } from '../../support/interact';
import { renderInApp, t } from '../../support/render';

const textbox = (key: string) => screen.getByRole('textbox', { name: t(`socialSources.${key}`) });
const button = (key: string) => screen.getByRole('button', { name: t(`socialSources.${key}`) });

describe('SocialSourceForm', () => {
  it('needs a hashtag or search words before it can test or save', () => {
    renderInApp(<SocialSourceForm kind="mastodon" onDone={() => {}} />);
    expect(isDisabled(button('test'))).toBe(true);
    expect(isDisabled(button('save'))).toBe(true);
    type(textbox('mastodon.hashtagQuery'), '  ');
    expect(isDisabled(button('save'))).toBe(true);
  });

  it('saves a Mastodon hashtag source with its token, named after the hashtag', async () => {
    backend.on('sources:create', ({ source: input }) => source({ id: 4, kind: 'mastodon', name: input.name, config: input.config, credentialKeys: ['accessToken'] }));
    const onDone = vi.fn();
    renderInApp(<SocialSourceForm kind="mastodon" onDone={onDone} />);
    type(textbox('mastodon.instance'), ' https://piaille.fr ');
    type(textbox('mastodon.hashtagQuery'), '#AcmeLeak');
    click(screen.getByRole('switch', { name: t('socialSources.mastodon.localOnly') }));
    type(screen.getByTestId('source-secret-accessToken'), 'tok-123');
    click(button('save'));
    await waitFor(() => expect(onDone).toHaveBeenCalledOnce());
    expect(backend.sent('sources:create')).toEqual([
      {
        workspaceId: 'live',
        source: {
          kind: 'mastodon',
          name: 'Mastodon — #AcmeLeak',
          config: { instance: 'https://piaille.fr', mode: 'hashtag', query: '#AcmeLeak', localOnly: true },
          credentials: { accessToken: 'tok-123' },
          intervalSeconds: 120,
        },
      },
    ]);
  });

  it('keeps the stored secrets when an edit leaves them empty', async () => {
    const saved = source({
      id: 6,
      kind: 'bluesky',
      name: 'Bluesky — acme',
      config: { service: 'https://bsky.social', query: 'acme' },
      credentialKeys: ['identifier', 'appPassword'],
      intervalSeconds: 300,
    });
    backend.on('sources:update', ({ id, source: input }) => ({ ...saved, id, config: input.config }));
    const onDone = vi.fn();
    renderInApp(<SocialSourceForm kind="bluesky" source={saved} onDone={onDone} />);
    expect(screen.getByTestId('source-secret-appPassword').getAttribute('placeholder')).toBe(t('socialSources.saved'));
    type(textbox('bluesky.query'), 'acme fuite');
    await choose(screen.getByRole('combobox', { name: t('socialSources.bluesky.lang') }), t('languages.fr'));
    click(screen.getByTestId('source-live'));
    click(button('save'));
    await waitFor(() => expect(onDone).toHaveBeenCalledOnce());
    expect(backend.sent('sources:update')).toEqual([
      {
        workspaceId: 'live',
        id: 6,
        source: {
          kind: 'bluesky',
          name: 'Bluesky — acme',
          config: { service: 'https://bsky.social', query: 'acme fuite', lang: 'fr', jetstream: 'wss://jetstream2.us-east.bsky.network/subscribe' },
          intervalSeconds: 300,
        },
      },
    ]);
  });

  it.each([
    ['fr', 'Cette source ne peut pas être lue\u202f: piaille.fr a refusé le jeton d’accès (HTTP 401)\u202f: créez un nouveau jeton dans votre compte Mastodon et enregistrez-le ici.'],
    ['en', 'This source cannot be read: piaille.fr refused the access token (HTTP 401): create a new token in your Mastodon account and save it here.'],
  ] as const)('words a refused token in %s', async (language, text) => {
    backend.reply('sources:test', {
      ok: false,
      message: 'piaille.fr refused the access token (HTTP 401)',
      detail: { key: 'mastodonTokenRefused', params: { host: 'piaille.fr' } },
      itemCount: 0,
      sample: [],
    });
    renderInApp(<SocialSourceForm kind="mastodon" onDone={() => {}} />, { language });
    type(screen.getByTestId('source-query'), '#acme');
    click(button('test'));
    expect((await screen.findByTestId('source-test-failed')).textContent).toBe(text);
    expect(backend.sent('sources:test')[0]?.source.credentials).toEqual({});
  });

  it.each([
    ['fr', 'Indisponible pour le moment. The network gate refused bsky.social.'],
    ['en', 'Not available right now. The network gate refused bsky.social.'],
  ] as const)('shows a refused save in %s and stays open', async (language, text) => {
    backend.refuse('sources:create', 'UNAVAILABLE', 'The network gate refused bsky.social.');
    const onDone = vi.fn();
    renderInApp(<SocialSourceForm kind="bluesky" onDone={onDone} />, { language });
    type(screen.getByTestId('source-query'), 'acme');
    click(button('save'));
    expect((await screen.findByRole('alert')).textContent).toBe(text);
    expect(onDone).not.toHaveBeenCalled();
  });
});
