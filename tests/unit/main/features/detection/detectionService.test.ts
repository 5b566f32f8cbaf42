import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../../../src/main/app/createCore';
import type { EventName } from '../../../../../src/shared/contract/index';
import { invoke, makeTestCore } from '../../../../support/testCore';

const WS = 'live';
let dir: string;
let core: Core;
let now = Date.UTC(2026, 2, 3, 10, 0);
const clock = { now: () => new Date(now) };

function burst(count: number, at: number, brand = 'Banque Léman') {
  const mentions = [];
  for (let i = 0; i < count; i += 1) {
    mentions.push({
      externalId: `m-${brand}-${at}-${i}`,
      author: { handle: `client${i}`, displayName: `Client ${i}`, audience: 200 + i, kind: 'public' },
      text: i % 2 ? `Scandale à la ${brand} : fuite de données, #boycott` : `${brand} nous ment, c’est honteux et inadmissible`,
      language: 'fr',
      publishedAt: new Date(at - i * 20_000).toISOString(),
    });
  }
  mentions.push({
    externalId: `journalist-${at}`,
    author: { handle: 'cmartin', displayName: 'Claire Martin', audience: 250_000, kind: 'journalist' },
    text: 'Fuite de données à la Banque Léman : la banque savait depuis des semaines',
    language: 'fr',
    publishedAt: new Date(at - 5_000).toISOString(),
  });
  return mentions;
}

describe('DetectionService through the core', () => {
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tocsin-detect-'));
    core = makeTestCore(dir, { clock });
  });
  afterEach(() => {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('puts the most serious watch first and, at the same level, the one that rose last', async () => {
    const insurer = await invoke(core, 'watches:create', { workspaceId: WS, watch: { name: 'Assurance du Léman', keywords: ['Assurance du Léman'] } });
    const bank = await invoke(core, 'watches:create', { workspaceId: WS, watch: { name: 'Banque Léman', keywords: ['Banque Léman'] } });
    const source = await invoke(core, 'sources:create', { workspaceId: WS, source: { kind: 'webhook', name: 'Hook', config: {} } });
    await core.ingest.ingest(WS, source.id, burst(25, now, 'Assurance du Léman'));
    now += 10 * 60_000;
    await core.ingest.ingest(WS, source.id, burst(25, now, 'Banque Léman'));
    const overview = await invoke(core, 'detection:overview', { workspaceId: WS });
    const [first, second] = overview.watches;
    expect(first!.level).toBe(second!.level);
    expect(first!.level).not.toBe('calm');
    expect([first!.watchId, second!.watchId]).toEqual([bank.id, insurer.id]);
  });

  it('raises an explained alert from an ingested burst, logs acknowledgement and dismissal, and backtests without touching it', async () => {
    const watch = await invoke(core, 'watches:create', { workspaceId: WS, watch: { name: 'Banque Léman', keywords: ['Banque Léman'] } });
    const source = await invoke(core, 'sources:create', { workspaceId: WS, source: { kind: 'webhook', name: 'Hook', config: {} } });
    const pushed: Array<[EventName, unknown]> = [];
    core.events.subscribe((name, payload) => pushed.push([name, payload]));

    await core.ingest.ingest(WS, source.id, burst(25, now));

    const overview = await invoke(core, 'detection:overview', { workspaceId: WS });
    expect(overview.level).toBe('alert');
    const row = overview.watches.find((w) => w.watchId === watch.id)!;
    expect(row.alert).not.toBeNull();
    const why = row.alert!.explanation;
    expect(why.signals.find((s) => s.kind === 'vocabulary')!.items).toEqual(expect.arrayContaining(['fuite de données']));
    expect(why.signals.find((s) => s.kind === 'audience')!.items).toContain('Claire Martin');
    expect(why.topAuthors[0]!.name).toBe('Claire Martin');
    expect(why.languages[0]).toEqual({ language: 'fr', count: 26 });
    expect(why.tone.negative).toBeGreaterThan(20);
    expect(pushed.some(([n, p]) => n === 'detection:levelChanged' && (p as { level: string }).level === 'alert')).toBe(true);
    expect(pushed.some(([n]) => n === 'detection:alertChanged')).toBe(true);

    // A second burst in the same episode does not open a second alert.
    now += 5 * 60_000;
    await core.ingest.ingest(WS, source.id, burst(10, now));
    expect(await invoke(core, 'detection:listAlerts', { workspaceId: WS })).toHaveLength(1);

    const alertId = row.alert!.id;
    await expect(invoke(core, 'detection:dismissAlert', { workspaceId: WS, alertId, reason: '  ' })).rejects.toThrow();
    const acked = await invoke(core, 'detection:acknowledgeAlert', { workspaceId: WS, alertId, by: 'Léa' });
    expect(acked.status).toBe('acknowledged');
    const dismissed = await invoke(core, 'detection:dismissAlert', { workspaceId: WS, alertId, by: 'Léa', reason: 'Exercice interne' });
    expect(dismissed).toMatchObject({ status: 'dismissed', statusReason: 'Exercice interne', statusBy: 'Léa' });
    const log = await invoke(core, 'crisisLog:list', { workspaceId: WS, filter: {} });
    const codes = JSON.stringify(log);
    expect(codes).toContain('alert.opened');
    expect(codes).toContain('alert.dismissed');

    const backtest = await invoke(core, 'detection:backtest', {
      workspaceId: WS,
      watchId: watch.id,
      from: new Date(now - 3_600_000).toISOString(),
      to: new Date(now + 600_000).toISOString(),
    });
    expect(backtest.mentions).toBe(37);
    expect(backtest.alerts).toHaveLength(1);
    expect(backtest.buckets.reduce((s, b) => s + b.count, 0)).toBe(37);
    expect(await invoke(core, 'detection:listAlerts', { workspaceId: WS })).toHaveLength(1);

    // After an hour and a half without mentions the engine steps back to calm and closes the episode.
    now += 90 * 60_000;
    core.detection.tick();
    const later = await invoke(core, 'detection:overview', { workspaceId: WS });
    expect(later.level).toBe('calm');
    expect((await invoke(core, 'detection:getAlert', { workspaceId: WS, alertId })).closedAt).not.toBeNull();
  });

  it('keeps the why-card of an open alert true: an influential author who writes 20 minutes in joins it, the opening stays on record', async () => {
    const watch = await invoke(core, 'watches:create', { workspaceId: WS, watch: { name: 'Banque Léman', keywords: ['Banque Léman'] } });
    const source = await invoke(core, 'sources:create', { workspaceId: WS, source: { kind: 'webhook', name: 'Hook', config: {} } });
    const opening = burst(25, now).filter((m) => m.author.kind !== 'journalist');
    await core.ingest.ingest(WS, source.id, opening);
    const [opened] = await invoke(core, 'detection:listAlerts', { workspaceId: WS });
    expect(opened!.explanation.topAuthors.map((a) => a.name)).not.toContain('Paul Roux');

    const pushed: Array<[EventName, unknown]> = [];
    core.events.subscribe((name, payload) => pushed.push([name, payload]));
    now += 20 * 60_000;
    await core.ingest.ingest(WS, source.id, [
      {
        externalId: 'journalist-late',
        author: { handle: 'proux', displayName: 'Paul Roux', audience: 250_000, kind: 'journalist' },
        text: 'Fuite de données à la Banque Léman : des milliers de clients touchés, la banque se tait',
        language: 'fr',
        publishedAt: new Date(now - 5_000).toISOString(),
      },
    ]);
    const alert = await invoke(core, 'detection:getAlert', { workspaceId: WS, alertId: opened!.id });
    expect(alert.explanation.topAuthors[0]).toMatchObject({ name: 'Paul Roux', audience: 250_000 });
    expect(alert.explanation.signals.find((s) => s.kind === 'audience')).toMatchObject({ level: 'vigilance', items: ['Paul Roux'] });
    expect(alert.explanation.mentions).toBe(26);
    expect(alert.explanation.peak).toEqual({ at: alert.explanation.at, mentions: 26 });
    expect(pushed).toContainEqual(['detection:alertChanged', { workspaceId: WS, alertId: opened!.id }]);
    // The opening is kept as it was, for the record.
    expect(alert.opening).toEqual(opened!.explanation);
    expect(alert.opening!.topAuthors.map((a) => a.name)).not.toContain('Paul Roux');

    // The banner and the Why? dialog read the same signals.
    const overview = await invoke(core, 'detection:overview', { workspaceId: WS });
    const row = overview.watches.find((w) => w.watchId === watch.id)!;
    expect(row.signals).toEqual(row.alert!.explanation.signals);
    expect(row.signals.filter((s) => s.level !== 'calm').map((s) => s.kind)).toContain('audience');

    // An hour later the journalist has left the window but stays behind the episode; the peak stays the busiest hour.
    now += 50 * 60_000;
    core.detection.tick();
    const later = await invoke(core, 'detection:getAlert', { workspaceId: WS, alertId: opened!.id });
    expect(later.explanation.mentions).toBeLessThan(26);
    expect(later.explanation.topAuthors[0]!.name).toBe('Paul Roux');
    expect(later.explanation.peak!.mentions).toBe(26);
  });

  it('names emerging crisis words as the posts write them: a phrase, a hashtag with its capitals, never accent-free keys', async () => {
    await invoke(core, 'watches:create', { workspaceId: WS, watch: { name: 'Helvetia', keywords: ['Helvetia'] } });
    const source = await invoke(core, 'sources:create', { workspaceId: WS, source: { kind: 'webhook', name: 'Hook', config: {} } });
    const ordinary = ['Helvetia ouvre une agence à Genève', 'Question sur mon compte Helvetia, quelqu’un sait ?', 'Taux hypothécaires Helvetia en hausse ce mois'];
    const history = Array.from({ length: 180 }, (_, i) => ({
      externalId: `h-${i}`,
      author: { handle: `c${i % 40}` },
      text: ordinary[i % 3]!,
      language: 'fr',
      publishedAt: new Date(now - 31 * 3_600_000 + i * 10 * 60_000).toISOString(),
    }));
    await core.ingest.ingest(WS, source.id, history);
    // Emerging terms are recomputed once per minute of data.
    now += 60_000;
    const crisis = ['Fuite de données chez Helvetia : mes infos bancaires en ligne #HelvetiaLeak', '#HelvetiaLeak la fuite de données touche des milliers de clients Helvetia', 'Données volées ? FUITE DE DONNÉES confirmée chez Helvetia #HelvetiaLeak'];
    await core.ingest.ingest(
      WS,
      source.id,
      Array.from({ length: 24 }, (_, i) => ({
        externalId: `x-${i}`,
        author: { handle: `v${i}` },
        text: crisis[i % 3]!,
        language: 'fr',
        publishedAt: new Date(now - 30 * 60_000 + i * 60_000).toISOString(),
      })),
    );
    // The why-card follows the episode minute by minute.
    now += 60_000;
    core.detection.tick();
    const [row] = (await invoke(core, 'detection:overview', { workspaceId: WS })).watches;
    const emerging = row!.signals.find((s) => s.kind === 'emergingTerms')!.items;
    expect(emerging).toEqual(expect.arrayContaining(['fuite de données', '#HelvetiaLeak']));
    for (const key of ['fuite', 'donnees', 'données', '#helvetialeak']) expect(emerging).not.toContain(key);
    const why = row!.alert!.explanation;
    expect(why.emerging.map((e) => e.term)).toEqual(expect.arrayContaining(['fuite de données', '#HelvetiaLeak']));
    expect(why.emerging.find((e) => e.term === 'fuite de données')!.count).toBe(24);
    expect(why.topTerms.map((t) => t.term)).not.toContain('donnees');
  });

  it('deletes a watch with its alerts and keeps its mentions and the crisis log', async () => {
    const watch = await invoke(core, 'watches:create', { workspaceId: WS, watch: { name: 'Banque Léman', keywords: ['Banque Léman'] } });
    const source = await invoke(core, 'sources:create', { workspaceId: WS, source: { kind: 'webhook', name: 'Hook', config: {} } });
    await core.ingest.ingest(WS, source.id, burst(25, now));
    const [alert] = await invoke(core, 'detection:listAlerts', { workspaceId: WS });
    expect(alert?.watchId).toBe(watch.id);

    expect(await invoke(core, 'watches:delete', { workspaceId: WS, id: watch.id })).toEqual({ deleted: true });
    expect((await invoke(core, 'mentions:search', { workspaceId: WS, filter: { sourceId: source.id }, limit: 100 })).items).toHaveLength(26);
    expect(await invoke(core, 'detection:listAlerts', { workspaceId: WS })).toEqual([]);
    await expect(invoke(core, 'detection:getAlert', { workspaceId: WS, alertId: alert!.id })).rejects.toThrow();
    expect((await invoke(core, 'detection:overview', { workspaceId: WS })).watches).toEqual([]);
    const codes = (await invoke(core, 'crisisLog:list', { workspaceId: WS, filter: {} })).map((e) => e.systemCode);
    expect(codes).toEqual(expect.arrayContaining(['alert.opened', 'audit.watch.deleted']));
    expect(await invoke(core, 'watches:delete', { workspaceId: WS, id: watch.id })).toEqual({ deleted: false });
  });

  it('stores per-watch thresholds, defaulting to the plan', async () => {
    const watch = await invoke(core, 'watches:create', { workspaceId: WS, watch: { name: 'Harbor Bank', keywords: ['Harbor'] } });
    const initial = await invoke(core, 'detection:getSettings', { workspaceId: WS, watchId: watch.id });
    expect(initial.origin).toBe('plan');
    const settings = { ...initial.settings, influentialAudience: 50_000 };
    const saved = await invoke(core, 'detection:saveSettings', { workspaceId: WS, watchId: watch.id, settings });
    expect(saved).toMatchObject({ origin: 'watch', settings: { influentialAudience: 50_000 } });
  });

  it('corrects a mention tone, moves the rollup and trains the workspace model after enough corrections', async () => {
    const watch = await invoke(core, 'watches:create', { workspaceId: WS, watch: { name: 'Colis', keywords: ['colis'] } });
    const source = await invoke(core, 'sources:create', { workspaceId: WS, source: { kind: 'webhook', name: 'Hook', config: {} } });
    const texts: Array<[string, 'negative' | 'neutral' | 'positive']> = [];
    for (let i = 0; i < 12; i += 1) {
      texts.push([`Colis toujours au relais numéro ${i}`, 'negative']);
      texts.push([`Colis livré avec livraison offerte ${i}`, 'positive']);
      texts.push([`Colis expédié depuis l’entrepôt ${i}`, 'neutral']);
    }
    const result = await core.ingest.ingest(
      WS,
      source.id,
      texts.map(([text], i) => ({ externalId: `c${i}`, author: {}, text, language: 'fr', publishedAt: new Date(now - i * 1000).toISOString() })),
    );
    const totals = async () => {
      // The last hour in one-minute buckets: the per-minute rollups.
      const { points, bucketMinutes } = await invoke(core, 'dashboard:series', { workspaceId: WS, watchId: watch.id, range: '1h', to: new Date(now + 60_000).toISOString() });
      expect(bucketMinutes).toBe(1);
      return points.reduce((t, p) => ({ negative: t.negative + p.negative, neutral: t.neutral + p.neutral, positive: t.positive + p.positive }), {
        negative: 0,
        neutral: 0,
        positive: 0,
      });
    };
    const before = await totals();
    let last;
    for (let i = 0; i < texts.length; i += 1) {
      last = await invoke(core, 'tone:correct', { workspaceId: WS, mentionId: result.mentionIds[i]!, toneClass: texts[i]![1], by: 'Léa' });
    }
    expect(last!.corrections).toBe(36);
    // The rollups follow the corrections: charts and the negative-share baseline see the analysts' tones.
    expect(await totals()).toEqual({ negative: 12, neutral: 12, positive: 12 });
    // So do the hourly rollups behind the week and month charts.
    const week = await invoke(core, 'dashboard:series', { workspaceId: WS, watchId: watch.id, range: '7d' });
    const weekTone = week.points.reduce((t, p) => [t[0]! + p.negative, t[1]! + p.neutral, t[2]! + p.positive], [0, 0, 0]);
    expect(weekTone).toEqual([12, 12, 12]);
    expect(before).not.toEqual({ negative: 12, neutral: 12, positive: 12 });
    expect(last!.modelSamples).toBe(36);
    const [fresh] = (
      await core.ingest.ingest(WS, source.id, [
        { externalId: 'new', author: {}, text: 'Mon colis est toujours au relais', language: 'fr', publishedAt: new Date(now).toISOString() },
      ])
    ).mentionIds;
    const stored = await invoke(core, 'mentions:get', { workspaceId: WS, id: fresh! });
    expect(stored.toneClass).toBe('negative');
    await expect(invoke(core, 'tone:correct', { workspaceId: WS, mentionId: 99_999, toneClass: 'neutral' })).rejects.toThrow(/No mention/);
  });
});
