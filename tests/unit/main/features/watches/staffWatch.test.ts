// The staff watch: only posts by the firm's declared staff accounts, about the crisis (the plan's vocabulary), and
// the drill inject where an employee posts from a personal account.
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../../../src/main/app/createCore';
import { invoke, makeTestCore } from '../../../../support/testCore';
import { useTempDirs } from '../../../../support/tempDir';

const tempDir = useTempDirs();
const WS = 'live';
const NOW = Date.parse('2026-03-10T12:00:00.000Z');
let core: Core | undefined;

afterEach(() => {
  core?.close();
  core = undefined;
});

describe('staff accounts watch', () => {
  it('holds the declared accounts’ posts about the crisis, whatever the @ or the case, and keeps its accounts', async () => {
    const dir = tempDir();
    core = makeTestCore(dir, { clock: { now: () => new Date(NOW) } });
    const c = core;
    const source = await invoke(c, 'sources:create', { workspaceId: WS, source: { kind: 'webhook', name: 'Hook', config: {} } });
    const vocabulary = (await invoke(c, 'plan:get', { workspaceId: WS })).plan.thresholds.defaults.vocabulary;
    const staff = await invoke(c, 'watches:create', {
      workspaceId: WS,
      watch: { name: 'Comptes des salariés', keywords: [...vocabulary.fr, ...vocabulary.en], authors: ['@nadia.b', 'Tom_Ops'] },
    });
    expect(staff.authors).toEqual(['@nadia.b', 'Tom_Ops']);
    let n = 0;
    const post = (handle: string, text: string) =>
      c.ingest.ingest(WS, source.id, [{ externalId: `m${++n}`, author: { handle, audience: 300 }, text, language: 'fr', publishedAt: new Date(NOW - n * 60_000).toISOString() }]);
    await post('nadia.b', 'Franchement ce scandale chez nous, la direction savait');
    await post('@TOM_OPS', 'Je soutiens le boycott, désolé pour mes collègues');
    await post('nadia.b', 'Belle journée au bord du lac');
    await post('client42', 'Quel scandale, je change de banque');
    await post('nadia.bis', 'Scandale !');
    const held = async (watchId: number) =>
      (await invoke(c, 'mentions:search', { workspaceId: WS, filter: { watchId }, limit: 50 })).items.map((m) => `${m.author.handle}: ${m.text}`).sort();
    expect(await held(staff.id)).toEqual([
      '@TOM_OPS: Je soutiens le boycott, désolé pour mes collègues',
      'nadia.b: Franchement ce scandale chez nous, la direction savait',
    ]);
    // Their posts go to the response queue as staff posts, for HR and internal communications; a customer's stays a complaint.
    const queue = async () =>
      (await invoke(c, 'composer:responses', { workspaceId: WS })).items.map((i) => [i.mention.authorHandle, i.reason, i.assignedRole]).sort();
    expect(await queue()).toEqual([
      ['@TOM_OPS', 'employee', 'hrInternalComms'],
      ['client42', 'complaint', null],
      ['nadia.b', 'employee', 'hrInternalComms'],
      ['nadia.bis', 'complaint', null],
    ]);
    const onlyStaff = await invoke(c, 'composer:responses', { workspaceId: WS, reasons: ['employee'] });
    expect(onlyStaff.items.map((i) => i.mention.authorHandle).sort()).toEqual(['@TOM_OPS', 'nadia.b']);

    // A watch of accounts alone needs no keyword: it takes everything they post. Stored mentions are matched again.
    await invoke(c, 'watches:update', { workspaceId: WS, id: staff.id, watch: { name: 'Nadia', keywords: [], authors: ['nadia.b'] } });
    await c.watches.settled();
    expect(await held(staff.id)).toEqual(['nadia.b: Belle journée au bord du lac', 'nadia.b: Franchement ce scandale chez nous, la direction savait']);
    const empty = await c.dispatch('watches:create', { workspaceId: WS, watch: { name: 'Rien', keywords: [], authors: [] } });
    expect(empty.ok).toBe(false);

    core.close();
    core = makeTestCore(dir, { clock: { now: () => new Date(NOW) } });
    expect((await invoke(core, 'watches:list', { workspaceId: WS })).find((w) => w.id === staff.id)?.authors).toEqual(['nadia.b']);
  });

  it('catches the employee a drill director makes post from a personal account, and only the declared one', async () => {
    let now = Date.parse('2026-11-21T08:00:00.000Z');
    core = makeTestCore(tempDir(), { clock: { now: () => new Date(now) } });
    const c = core;
    const exercise = await invoke(c, 'exercises:create', { name: 'Grêle Alvea' });
    const ws = { workspaceId: exercise.id };
    const staff = await invoke(c, 'watches:create', { ...ws, watch: { name: 'Staff', keywords: ['Alvea'], authors: ['@julie.rh'] } });
    await invoke(c, 'exercises:start', { ...ws, scriptId: 'insurance-claims-refusal', speed: 60 });
    const run = await invoke(c, 'exercises:pressure', {
      ...ws,
      inject: { kind: 'post', author: '@julie.rh', persona: 'employee', audience: 800, language: 'fr', text: 'Je bosse chez Alvea : on nous demande de refuser les dossiers grêle. Je craque.' },
    });
    expect(run.injects.find((i) => i.pressure)?.title.fr).toBe('Pression : @julie.rh');
    now += 2000;
    await invoke(c, 'exercises:control', { ...ws, control: { action: 'speed', speed: 60 } });
    const items = (await invoke(c, 'mentions:search', { ...ws, filter: { watchId: staff.id }, limit: 50 })).items;
    expect(items.map((m) => [m.author.handle, m.author.kind])).toEqual([['@julie.rh', 'employee']]);
    // The scripted claims handler posts as an employee too, but from an account nobody declared: not in this watch.
    expect(items.some((m) => m.text.includes('Je suis gestionnaire chez Alvea'))).toBe(false);
    // The director's employee post reaches the response queue for HR, and so does any post by an employee author.
    const queued = (await invoke(c, 'composer:responses', { ...ws, reasons: ['employee'] })).items;
    expect(queued.find((i) => i.mention.authorHandle === '@julie.rh')).toMatchObject({ reason: 'employee', assignedRole: 'hrInternalComms', flaggedBy: 'rules' });
  });
});
