// @vitest-environment jsdom
// The approval screen shows the posts exactly as the outbox will send them: thread cuts, numbering, line breaks.
import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen, within } from '@testing-library/react';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OutgoingPostsView } from '../../../../../src/renderer/src/features/composer/OutgoingPosts';
import { outboxRowsFor } from '../../../../../src/shared/composer/outboxRows';
import { uiCatalogs } from '../../../../../src/shared/i18n/index';

beforeAll(async () => {
  // Mantine reads the colour scheme from matchMedia, which jsdom lacks.
  window.matchMedia ??= ((query: string) => ({ matches: false, media: query, onchange: null, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {}, dispatchEvent: () => false })) as never;
  await i18next.use(initReactI18next).init({ lng: 'fr', resources: { fr: { translation: uiCatalogs.fr } }, interpolation: { escapeValue: false } });
});
afterEach(cleanup);

const paragraph = (n: number): string => `Point ${n} : le paiement par carte est rétabli depuis 11 h 05 dans la région, détails sur https://acme.example/fr/incident.`;

describe('what will go out, on the approval screen', () => {
  it('shows each post of the thread with its marker, and the manual channel’s text unchanged', () => {
    const textFr = [paragraph(1), paragraph(2), paragraph(3)].join('\n\n');
    const content = { title: 'T', textFr, textEn: '', channels: ['bluesky' as const, 'press' as const], variants: {} };
    render(
      <MantineProvider>
        <OutgoingPostsView content={content} shape={{ limits: {}, numbering: 'prefix' }} />
      </MantineProvider>,
    );
    const expected = outboxRowsFor(content, {}, 'prefix');
    const bluesky = within(screen.getByTestId('composer-outgoing-bluesky-fr')).getAllByTestId('composer-outgoing-post');
    expect(bluesky.map((p) => p.textContent)).toEqual(expected[0]!.parts.map((p) => p.text));
    expect(bluesky[0]!.textContent).toMatch(/^\(1\/2\) Point 1/);
    // The blank line between the first two paragraphs stays inside the first post.
    expect(bluesky[0]!.textContent).toContain('incident.\n\nPoint 2');
    const press = within(screen.getByTestId('composer-outgoing-press-fr')).getAllByTestId('composer-outgoing-post');
    expect(press.map((p) => p.textContent)).toEqual([textFr]);
  });

  it('names a word that cannot fit in a post instead of cutting it', () => {
    const content = { title: 'T', textFr: `Voir ${'https://acme.example/'.padEnd(320, 'x')}`, textEn: '', channels: ['bluesky' as const], variants: {} };
    render(
      <MantineProvider>
        <OutgoingPostsView content={content} shape={{ limits: {}, numbering: 'suffix' }} />
      </MantineProvider>,
    );
    expect(screen.getByTestId('composer-outgoing-error').textContent).toMatch(/est plus long qu’un message Bluesky \(300\) et n’est jamais coupé/);
  });
});
