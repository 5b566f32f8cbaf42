// The response queue and the campaign freezes across the cell: three laptops (core processes, own data folders,
// loopback 127.0.0.1–3). A freeze decided before the cell existed reaches every laptop once it forms. A flag, an
// assignment and a close made on one laptop show on the others with who did them;
// two laptops flagging and closing the same mention while partitioned end, once they meet, with one item in the
// same state everywhere; a freeze decided on one laptop holds on every laptop, and concurrent freeze decisions
// converge.
import { afterAll, describe, expect, it } from 'vitest';
import type { ResponseItem } from '../../../../../src/shared/domain/responseQueue';
import { cellOf, joinThree, type Laptop, until, useLaptops } from '../../../../support/cellLaptop';
import { useTempDirs } from '../../../../support/tempDir';

const tempDir = useTempDirs();
const ws = { workspaceId: 'live' };
const SCENARIO_MS = 120_000;
const HOUR = 3_600_000;

let a: Laptop;
let b: Laptop;
let c: Laptop;

useLaptops(3, tempDir, SCENARIO_MS, async (laptops) => {
  [a, b, c] = laptops;
  // Decided on A before there was a cell: it reaches the others when A's first cell session begins.
  await a.call('composer:freeze', { ...ws, campaigns: ['newsletter'], action: 'freeze', person: 'Alice Martin', reason: 'Avant la cellule' });
  await joinThree(laptops);
});

afterAll(() => [a, b, c].forEach((laptop) => laptop?.kill()));

/** The mention with this text on a laptop, once the cell brought it there. */
const mentionOn = async (laptop: Laptop, text: string): Promise<number> => {
  const { items } = await until(() => laptop.call('mentions:search', { ...ws, limit: 100 }), (page) => page.items.some((m) => m.text === text));
  return items.find((m) => m.text === text)!.id;
};

const capture = (laptop: Laptop, text: string) =>
  laptop.call('mentions:capture', { ...ws, capture: { channel: 'tv', outlet: 'France 2', text, occurredAt: new Date().toISOString() } });

/** The queue items of a mention's text on a laptop (the mention ids differ between laptops, the text does not). */
const itemsOf = async (laptop: Laptop, text: string): Promise<ResponseItem[]> =>
  (await laptop.call('composer:responses', { ...ws, states: ['open', 'replying', 'answered', 'offline', 'dismissed'], limit: 200 })).items.filter((i) => i.mention.text === text);

/** What the cell shares of an item: the same on every laptop once they have met. */
const shared = (items: ResponseItem[]) => items.map(({ reason, flaggedBy, flaggedAt, assignedRole, state, note, handledBy, handledAt }) => ({ reason, flaggedBy, flaggedAt, assignedRole, state, note, handledBy, handledAt }));

const frozenOf = async (laptop: Laptop) => (await laptop.call('composer:campaigns', ws)).map((c) => [c.id, c.frozen, c.lastChange?.person ?? null]);

describe('response queue and campaign freezes across the cell', () => {
  it(
    'shows on every laptop a flag, an assignment and a close made on one, with who did them',
    async () => {
      for (const laptop of [b, c]) {
        const campaigns = await until(() => laptop.call('composer:campaigns', ws), (list) => list.find((x) => x.id === 'newsletter')?.frozen === true);
        expect(campaigns.find((x) => x.id === 'newsletter')!.lastChange).toMatchObject({ action: 'freeze', person: 'Alice Martin', reason: 'Avant la cellule' });
      }
      const text = 'Le siège de ACME est fermé ce matin';
      await capture(a, text);
      const onA = await mentionOn(a, text);
      const onB = await mentionOn(b, text);
      expect(await itemsOf(b, text)).toEqual([]);

      await a.call('composer:flagMention', { ...ws, mentionId: onA, person: 'Alice Martin', reason: 'question' });
      const flagged = await until(() => itemsOf(b, text), (items) => items.length === 1);
      expect(flagged[0]).toMatchObject({ mentionId: onB, reason: 'question', flaggedBy: 'Alice Martin', state: 'open' });

      await b.call('composer:assignResponse', { ...ws, mentionId: onB, role: 'customerServiceLead' });
      await until(() => itemsOf(a, text), (items) => items[0]?.assignedRole === 'customerServiceLead');
      await c.call('composer:closeResponse', { ...ws, mentionId: await mentionOn(c, text), state: 'offline', note: 'Rappelé par téléphone', person: 'Carol Roux' });
      const all = await until(
        () => Promise.all([a, b, c].map((laptop) => itemsOf(laptop, text))),
        (lists) => lists.every((items) => items.length === 1 && items[0]!.state === 'offline'),
      );
      for (const items of all) expect(shared(items)).toEqual(shared(all[0]!));
      expect(all[0]![0]).toMatchObject({ assignedRole: 'customerServiceLead', handledBy: 'Carol Roux', note: 'Rappelé par téléphone' });
    },
    SCENARIO_MS,
  );

  it(
    'ends with one item in one state on every laptop after both sides of a partition flagged and closed the same mention',
    async () => {
      const text = 'Vidéo virale devant une agence ACME';
      await capture(a, text);
      const [onA, onB] = await Promise.all([mentionOn(a, text), mentionOn(b, text), mentionOn(c, text)]);

      await b.call('cell:stop', ws);
      await until(() => cellOf(a), (s) => !s.members.some((m) => m.name === 'Bob' && m.online));
      // A's clock runs an hour ahead: its decisions, made first, are the later ones by hybrid clock everywhere.
      await a.advance(HOUR);
      await a.call('composer:flagMention', { ...ws, mentionId: onA!, person: 'Alice Martin', reason: 'complaint' });
      await a.call('composer:closeResponse', { ...ws, mentionId: onA!, state: 'dismissed', note: 'Hors sujet', person: 'Alice Martin' });
      await b.call('composer:flagMention', { ...ws, mentionId: onB!, person: 'Bob Durand', reason: 'journalist' });
      await b.call('composer:closeResponse', { ...ws, mentionId: onB!, state: 'offline', note: 'Journaliste rappelé', person: 'Bob Durand' });
      expect((await itemsOf(b, text))[0]).toMatchObject({ state: 'offline', flaggedBy: 'Bob Durand' });
      await a.call('composer:freeze', { ...ws, campaigns: 'all', action: 'freeze', person: 'Alice Martin', reason: 'Crise en cours' });
      const campaignId = (await b.call('composer:campaigns', ws)).find((c) => c.planStatus !== 'ended')!.id;
      await b.call('composer:freeze', { ...ws, campaigns: [campaignId], action: 'freeze', person: 'Bob Durand', reason: 'Pas de promotion' });

      await b.call('cell:start', { ...ws, host: '127.0.0.2' });
      const all = await until(
        () => Promise.all([a, b, c].map((laptop) => itemsOf(laptop, text))),
        (lists) => lists.every((items) => JSON.stringify(shared(items)) === JSON.stringify(shared(lists[0]!)) && items[0]?.flaggedBy === 'Bob Durand'),
      );
      // One item per mention; B's flag and close came first by clock, so they hold, and A's close changed nothing.
      expect(all.map((items) => items.length)).toEqual([1, 1, 1]);
      expect(all[0]![0]).toMatchObject({ reason: 'journalist', state: 'offline', handledBy: 'Bob Durand', note: 'Journaliste rappelé' });

      // The freezes decided on both sides hold on every laptop, with the same last change named everywhere.
      const freezes = await until(
        () => Promise.all([a, b, c].map(frozenOf)),
        (lists) => lists.every((list) => JSON.stringify(list) === JSON.stringify(lists[0])) && lists[0]!.some(([, frozen]) => frozen),
      );
      const live = (await a.call('composer:campaigns', ws)).filter((c) => c.planStatus !== 'ended').map((c) => c.id);
      expect(freezes[0]!.filter(([id]) => live.includes(id as string)).every(([, frozen]) => frozen)).toBe(true);
    },
    SCENARIO_MS,
  );

  it(
    'lifts a freeze on every laptop when one laptop releases it',
    async () => {
      const campaignId = (await c.call('composer:campaigns', ws)).find((x) => x.frozen)!.id;
      await c.call('composer:freeze', { ...ws, campaigns: [campaignId], action: 'unfreeze', person: 'Carol Roux', reason: 'Juridique d’accord' });
      for (const laptop of [a, b]) {
        const campaigns = await until(() => laptop.call('composer:campaigns', ws), (list) => list.find((x) => x.id === campaignId)?.frozen === false);
        expect(campaigns.find((x) => x.id === campaignId)!.lastChange).toMatchObject({ action: 'unfreeze', person: 'Carol Roux' });
      }
    },
    SCENARIO_MS,
  );
});
