// Deleting a source or a watch, FR and EN: each dialog says what happens to the stored mentions before
// anything is deleted. A source that brought nothing goes; one a watch is limited to, or one that brought
// mentions, cannot; a deleted watch's mentions stay in the stream. axe on the dialogs.
import { expect, test } from './fixtures';
import { expectAccessible, openApp, rpc, saveScreen } from './helpers';

interface Created {
  id: number;
}

for (const lang of ['fr', 'en'] as const) {
  test(`deleting a source or a watch says what happens to its mentions (${lang})`, async ({ page }, testInfo) => {
    const ws = { workspaceId: 'live' };
    const agent = await rpc<Created>(page.request, 'sources:create', { ...ws, source: { kind: 'webhook', name: `Agent ${lang}`, config: { port: 0 } } });
    const relay = await rpc<Created>(page.request, 'sources:create', { ...ws, source: { kind: 'webhook', name: `Relais ${lang}`, config: { port: 0 } } });
    await rpc(page.request, 'watches:create', { ...ws, watch: { name: `Relais seul ${lang}`, keywords: ['relais'], sourceIds: [relay.id] } });
    const keyword = `Zéphyrin${lang}`;
    await rpc(page.request, 'mentions:capture', {
      ...ws,
      capture: { channel: 'print', outlet: `Gazette ${lang}`, text: `La Gazette parle de ${keyword} ce matin.`, occurredAt: new Date().toISOString(), language: 'fr' },
    });
    const watch = await rpc<Created>(page.request, 'watches:create', { ...ws, watch: { name: `Veille ${keyword}`, keywords: [keyword] } });
    const sources = await rpc<{ id: number; kind: string; config: { channel?: string } }[]>(page.request, 'sources:list', ws);
    const print = sources.find((s) => s.kind === 'manual' && s.config.channel === 'print')!;

    await openApp(page, lang, 'sources');
    await expect(page.getByTestId('sources-table')).toBeVisible();

    // Nothing depends on this one: the dialog says only its settings and secrets go.
    await page.getByTestId(`source-delete-${agent.id}`).click();
    await expect(page.getByTestId('source-delete-safe')).toBeVisible();
    await saveScreen(page, testInfo, `${lang}-sources-delete-safe`);
    await expectAccessible(page, 'source delete dialog');
    await page.getByTestId('source-delete-confirm').click();
    await expect(page.getByTestId(`source-row-${agent.id}`)).toHaveCount(0);

    // A watch counts only this one: the dialog names it and deletes nothing.
    await page.getByTestId(`source-delete-${relay.id}`).click();
    await expect(page.getByTestId('source-delete-limited')).toContainText(`Relais seul ${lang}`);
    await expect(page.getByTestId('source-delete-confirm')).toHaveCount(0);
    await saveScreen(page, testInfo, `${lang}-sources-delete-limited`);
    await page.keyboard.press('Escape');

    // This one brought mentions: they stay in the record, so it cannot be deleted.
    await page.getByTestId(`source-delete-${print.id}`).click();
    await expect(page.getByTestId('source-delete-has-mentions')).toBeVisible();
    await expect(page.getByTestId('source-delete-confirm')).toHaveCount(0);
    await saveScreen(page, testInfo, `${lang}-sources-delete-has-mentions`);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId(`source-row-${print.id}`)).toBeVisible();

    // A watch goes with its charts, level and alerts; its mentions stay.
    await page.getByTestId('tab-watches').click();
    await page.getByTestId(`watch-delete-${watch.id}`).click();
    await expect(page.getByTestId('watch-delete-mentions')).toBeVisible();
    await saveScreen(page, testInfo, `${lang}-watches-delete`);
    await expectAccessible(page, 'watch delete dialog');
    await page.getByTestId('watch-delete-confirm').click();
    await expect(page.getByTestId('watch-delete-dialog')).toBeHidden();
    await expect(page.getByTestId('screen-sources')).not.toContainText(`Veille ${keyword}`);

    await page.getByTestId('nav-mentions').click();
    await page.getByTestId('mentions-search').fill(keyword);
    await expect(page.getByTestId('mention-card').filter({ hasText: `Gazette ${lang}` })).toBeVisible({ timeout: 15_000 });
  });
}
