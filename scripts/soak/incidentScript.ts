// The incident the cell soak plays, as a list of steps: the calm ones run one after the other while the network is
// sound; the steps under faults then run side by side while faults are injected. Each step notes what it expects in
// the context, and its check reads the converged digests against that. To play a new shared domain (incidents,
// statements…), add a step to SCRIPT and a part to DIGEST_PARTS (cellDigest.ts).
import type { CrisisPlan } from '../../src/shared/domain/plan';
import type { StatementDetail } from '../../src/shared/domain/statement';
import { withReachableRoles } from '../../tests/support/reachableRoster';
import type { FakeMastodon } from '../../tests/support/fakeMastodonPublish';
import { AppFailure } from '../../src/shared/contract/index';
import type { LaptopDigest } from './cellDigest';
import { NodeDown, type LaptopProcess, type RelayProcess } from './cellNodes';

const ws = { workspaceId: 'live' } as const;

export interface SoakContext {
  readonly seed: number;
  readonly entriesPerLaptop: number;
  /** Pause between two appends of one laptop. */
  readonly appendEveryMs: number;
  readonly laptops: readonly LaptopProcess[];
  readonly relay: RelayProcess;
  readonly note: (line: string) => void;
  /** Log bodies written: confirmed by the laptop, or in flight when it died (then present at most once). */
  readonly logBodies: Map<string, 'confirmed' | 'uncertain'>;
  mobilisation?: { id: string; incidentId: string; roles: { laptop: string; roleId: string }[] };
  /** The loopback Mastodon the cell publishes its statement to. */
  readonly mastodon: FakeMastodon;
  statement?: { id: string; marker: string };
  /** The handover made under faults: its note marks it in the incident's changes. */
  handover?: { roleId: string; to: string; note: string; state: 'confirmed' | 'uncertain' };
  /** Checklist changes by note: confirmed by the laptop, or in flight when it died. */
  readonly checklistNotes: Map<string, 'confirmed' | 'uncertain'>;
}

export interface Step {
  readonly name: string;
  readonly underFaults: boolean;
  run(context: SoakContext): Promise<void>;
  /** What the converged cell must show; an empty list when it holds. */
  check?(context: SoakContext, digest: LaptopDigest, byLaptop: ReadonlyMap<string, LaptopDigest>): Promise<string[]>;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Calls a laptop, waiting out its deaths: for calls that can be made again (reads, idempotent acts). */
async function steadily<T>(laptop: LaptopProcess, act: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      await laptop.whenUp();
      return await act();
    } catch (error) {
      if (!(error instanceof NodeDown)) throw error;
    }
  }
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms: number, what: string): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

const formCell: Step = {
  name: 'create the cell, the relay and three laptops join',
  underFaults: false,
  async run({ laptops, relay }) {
    const [a, ...others] = laptops as [LaptopProcess, ...LaptopProcess[]];
    await a.call('cell:create', { ...ws, memberName: 'Alice', roles: ['lead'] });
    await a.call('cell:start', { ...ws, host: a.host, port: a.port });
    await relay.start((await a.call('cell:invite', { ...ws, validMinutes: 10 })).joinCode);
    const names = ['Bruno', 'Chloé', 'Damien'];
    for (const [i, laptop] of others.entries()) {
      const { joinCode } = await a.call('cell:invite', { ...ws, validMinutes: 10 });
      await laptop.call('cell:join', { ...ws, joinCode, memberName: names[i] ?? laptop.name, roles: [], host: laptop.host, port: laptop.port });
    }
    await until(
      () => Promise.all(laptops.map((l) => l.call('cell:status', ws))),
      (all) => all.every((s) => s.cell?.members.length === laptops.length + 1 && s.cell.members.every((m) => m.addresses.length === 1)),
      60_000,
      'every laptop to list every member',
    );
  },
};

const mobilise: Step = {
  name: 'A mobilises the roster; B, C and D pick their roster people',
  underFaults: false,
  async run(context) {
    const [a, ...askees] = context.laptops as [LaptopProcess, ...LaptopProcess[]];
    const stored = await a.call('plan:get', ws);
    const plan: CrisisPlan = withReachableRoles(stored.plan);
    await a.call('plan:save', { ...ws, baseRevision: stored.revision, plan });
    const roles = askees.map((laptop, i) => ({ laptop, role: plan.roles[i]! }));
    for (const { laptop, role } of roles) {
      const status = await laptop.call('cell:status', ws);
      const self = status.cell?.members.find((m) => m.self);
      await laptop.call('cell:profile', { ...ws, memberName: self?.name ?? laptop.name, roles: [], personName: role.holder!.name });
    }
    await until(() => a.call('cell:status', ws), (s) => (s.cell?.members.filter((m) => m.personName !== null).length ?? 0) === roles.length, 60_000, 'A to see the people picked');
    const lead = { author: 'Anne Roux', authorRole: 'crisisLead' };
    const incident = await a.call('incidents:open', {
      ...ws,
      incident: { title: `Fuite de données (soak ${context.seed})`, scenarioKind: 'dataBreach', severity: 'high', actor: lead, alert: { alertId: `soak-${context.seed}`, level: 'crisis', why: ['Volume ×6'], mentions: [] } },
    });
    const mobilised = await a.call('incidents:mobilise', { ...ws, incidentId: incident.id, actor: lead });
    const id = mobilised.mobilisation?.id;
    if (!id) throw new Error('no mobilisation');
    context.mobilisation = { id, incidentId: incident.id, roles: roles.map(({ laptop, role }) => ({ laptop: laptop.name, roleId: role.id })) };
  },
};

const acknowledge: Step = {
  name: 'B, C and D acknowledge their calls from their own laptops',
  underFaults: true,
  async run(context) {
    const m = context.mobilisation;
    if (!m) throw new Error('nothing mobilised');
    await Promise.all(
      m.roles.map(async ({ laptop: name, roleId }) => {
        const laptop = context.laptops.find((l) => l.name === name)!;
        for (;;) {
          const calls = await steadily(laptop, () => laptop.call('notify:mine', ws));
          const call = calls.find((c) => c.mobilisationId === m.id && c.roleId === roleId);
          if (call) break;
          await sleep(300);
        }
        await steadily(laptop, () => laptop.call('notify:acknowledgeMine', { ...ws, mobilisationId: m.id, roleId }));
        context.note(`${name} acknowledged`);
      }),
    );
  },
  async check(context, digest, byLaptop) {
    const m = context.mobilisation;
    if (!m) return ['nothing mobilised'];
    const problems: string[] = [];
    const shared = digest.parts.mobilisation?.value as { mobilisations: { id: string }[]; acknowledgements: { mobilisationId: string; roleId: string; device: string }[] };
    if (!shared.mobilisations.some((x) => x.id === m.id)) problems.push('the mobilisation is missing');
    for (const { laptop, roleId } of m.roles) {
      const device = byLaptop.get(laptop)?.deviceId;
      const acks = shared.acknowledgements.filter((x) => x.mobilisationId === m.id && x.roleId === roleId);
      if (acks.length !== 1 || acks[0]?.device !== device) problems.push(`${laptop}'s acknowledgement of ${roleId}: ${acks.length} found`);
    }
    // The mobilising laptop's read model takes in each of them, genuine, once.
    const a = context.laptops[0]!;
    const view = await a.call('notify:deliveries', { ...ws, incidentId: m.incidentId });
    const genuine = view.laptopAcknowledgements.filter((x) => x.genuine).map((x) => x.roleId).sort();
    const expected = m.roles.map((r) => r.roleId).sort();
    if (JSON.stringify(genuine) !== JSON.stringify(expected) || view.laptopAcknowledgements.length !== expected.length) {
      problems.push(`A's read model holds acknowledgements ${JSON.stringify(view.laptopAcknowledgements.map((x) => [x.roleId, x.genuine]))}`);
    }
    return problems;
  },
};

const writeLog: Step = {
  name: 'every laptop writes crisis log entries at once',
  underFaults: true,
  async run(context) {
    await Promise.all(
      context.laptops.map(async (laptop) => {
        for (let i = 0; i < context.entriesPerLaptop; i += 1) {
          const body = `soak ${context.seed} ${laptop.name} #${i}`;
          await laptop.whenUp();
          context.logBodies.set(body, 'uncertain');
          try {
            await laptop.call('crisisLog:append', { ...ws, entry: { kind: 'information', author: laptop.name, body } });
            context.logBodies.set(body, 'confirmed');
          } catch (error) {
            if (!(error instanceof NodeDown)) throw error;
            context.note(`${laptop.name} died while appending #${i}`);
          }
          await sleep(context.appendEveryMs);
        }
      }),
    );
  },
  async check(context, digest) {
    const rows = digest.parts.crisisLog?.value as { body: string }[];
    const count = new Map<string, number>();
    for (const { body } of rows) count.set(body, (count.get(body) ?? 0) + 1);
    const problems: string[] = [];
    for (const [body, state] of context.logBodies) {
      const n = count.get(body) ?? 0;
      if (state === 'confirmed' ? n !== 1 : n > 1) problems.push(`"${body}" (${state}) found ${n} times`);
    }
    for (const body of count.keys()) if (!context.logBodies.has(body)) problems.push(`"${body}" never written`);
    return problems;
  },
};

const STATEMENT_EDITS = [
  { laptop: 'B', apply: (text: string, marker: string) => `${text} Nos équipes sont mobilisées (${marker}).` },
  { laptop: 'C', apply: (text: string, marker: string) => `Point de situation (${marker}) : ${text}` },
] as const;
const STATEMENT_APPROVERS = [
  { laptop: 'D', person: 'Damien', role: 'crisisLead' },
  { laptop: 'A', person: 'Alice', role: 'legal' },
] as const;
const STATEMENT_PUBLISHERS = ['B', 'C'] as const;
const editMark = (marker: string, laptop: string) => `${marker}/${laptop}`;

const draftStatement: Step = {
  name: 'A drafts a statement; every laptop can publish to the loopback Mastodon',
  underFaults: false,
  async run(context) {
    const [a] = context.laptops as [LaptopProcess];
    const incidentId = context.mobilisation?.incidentId;
    if (!incidentId) throw new Error('no incident open');
    for (const laptop of context.laptops) {
      await laptop.call('composer:setAccount', { ...ws, account: { channel: 'mastodon', config: { instanceUrl: context.mastodon.url, accessToken: context.mastodon.token } } });
    }
    const marker = `soak-${context.seed}`;
    const made = await a.call('composer:create', {
      ...ws,
      statement: { incidentId, kind: 'holding', author: 'Alice', title: 'Fuite de données', textFr: `Une fuite de données est en cours d’analyse (${marker}).`, textEn: '', channels: ['mastodon'] },
    });
    context.statement = { id: made.statement.id, marker };
    await until(() => Promise.all(context.laptops.map((l) => l.call('composer:get', { ...ws, statementId: made.statement.id }).catch(() => null))), (all) => all.every((d) => d !== null), 60_000, 'every laptop to hold the draft');
  },
};

/** Reads the statement on `laptop` until `ok` holds, through the laptop's deaths. */
const statementOn = (context: SoakContext, laptop: LaptopProcess, ok: (d: StatementDetail) => boolean): Promise<StatementDetail> =>
  steadily(laptop, async () => {
    for (;;) {
      const d = await laptop.call('composer:get', { ...ws, statementId: context.statement!.id });
      if (ok(d)) return d;
      await sleep(300);
    }
  });

const retriedOnConflict = async (laptop: LaptopProcess, act: () => Promise<unknown>): Promise<boolean> => {
  try {
    await steadily(laptop, act);
    return true;
  } catch (error) {
    if (error instanceof AppFailure && error.code === 'CONFLICT') return false;
    throw error;
  }
};

const statementFlow: Step = {
  name: 'B and C edit the statement, D and A approve it, B and C press publish',
  underFaults: true,
  async run(context) {
    const s = context.statement;
    if (!s) throw new Error('no statement drafted');
    const byName = (name: string) => context.laptops.find((l) => l.name === name)!;
    await Promise.all(
      STATEMENT_EDITS.map(async ({ laptop: name, apply }) => {
        const laptop = byName(name);
        const mark = editMark(s.marker, name);
        for (;;) {
          const d = await statementOn(context, laptop, () => true);
          if (d.statement.textFr.includes(mark)) break;
          await retriedOnConflict(laptop, () => laptop.call('composer:update', { ...ws, statementId: s.id, expectedRevision: d.statement.revision, patch: { textFr: apply(d.statement.textFr, mark) }, author: name }));
        }
        context.note(`${name} edited the statement`);
      }),
    );
    const bothEdits = (text: string) => STATEMENT_EDITS.every(({ laptop }) => text.includes(editMark(s.marker, laptop)));
    await Promise.all(
      STATEMENT_APPROVERS.map(async ({ laptop: name, person, role }) => {
        const laptop = byName(name);
        for (;;) {
          const d = await statementOn(context, laptop, (x) => bothEdits(x.statement.textFr));
          if (d.statement.approvedRoles.includes(role)) break;
          await retriedOnConflict(laptop, () => laptop.call('composer:approve', { ...ws, statementId: s.id, approver: { person, role }, contentHash: d.statement.contentHash }));
        }
        context.note(`${name} approved the statement`);
      }),
    );
    await Promise.all(
      STATEMENT_PUBLISHERS.map(async (name) => {
        const laptop = byName(name);
        await statementOn(context, laptop, (x) => x.statement.approvalState === 'approved');
        await steadily(laptop, () => laptop.call('composer:queue', { ...ws, statementId: s.id, person: name }));
        context.note(`${name} pressed publish`);
      }),
    );
  },
  async check(context, digest) {
    const s = context.statement;
    if (!s) return ['no statement drafted'];
    const problems: string[] = [];
    const shared = digest.parts.statements?.value as { statements: { id: string; textFr: string }[]; decisions: { person: string; contentHash: string; genuine: number }[] };
    const text = shared.statements.find((x) => x.id === s.id)?.textFr ?? '';
    for (const { laptop } of STATEMENT_EDITS) if (!text.includes(editMark(s.marker, laptop))) problems.push(`${laptop}'s edit missing from the statement`);
    for (const { person } of STATEMENT_APPROVERS) if (!shared.decisions.some((d) => d.person === person && d.genuine === 1)) problems.push(`${person}'s approval missing`);
    // The winning laptop's outbox may still be on its way to the server when the cell has converged.
    const posted = () => context.mastodon.statuses.filter((x) => x.text.includes(s.marker)).length;
    const end = Date.now() + 60_000;
    while (posted() === 0 && Date.now() < end) await sleep(500);
    await sleep(3_000);
    if (posted() !== 1) problems.push(`the Mastodon server received the statement ${posted()} times`);
    // Every laptop shows where the statement is: the one status, whichever laptops posted it.
    const statusId = context.mastodon.statuses.find((x) => x.text.includes(s.marker))?.id;
    const posts = (digest.parts.statements?.value as { posts: Record<string, { url: string | null }[]> }).posts[s.id] ?? [];
    if (posts.length === 0 || !posts.every((p) => statusId !== undefined && p.url?.endsWith(`/${statusId}`))) problems.push(`the cell shows the posts ${JSON.stringify(posts)}, not status ${statusId}`);
    return problems;
  },
};

/** Laptops that change checklist items, in turn: the changes land on items that the others change too. */
const CHECKLIST_CHANGES = 30;
const CHECKLIST_STATUSES = ['in_progress', 'done', 'skipped', 'todo'] as const;

const handoverAndChecklist: Step = {
  name: 'B hands a role over; the four laptops make 30 checklist changes',
  underFaults: true,
  async run(context) {
    const m = context.mobilisation;
    if (!m) throw new Error('no incident open');
    const byName = (name: string) => context.laptops.find((l) => l.name === name)!;
    const incidentOn = (laptop: LaptopProcess) =>
      steadily(laptop, async () => {
        for (;;) {
          const found = await laptop.call('incidents:get', { ...ws, incidentId: m.incidentId }).catch((error: unknown) => {
            if (error instanceof AppFailure && error.code === 'NOT_FOUND') return null;
            throw error;
          });
          if (found && found.checklist.length > 0) return found;
          await sleep(300);
        }
      });
    const handover = async (): Promise<void> => {
      const b = byName('B');
      const incident = await incidentOn(b);
      const role = incident.roster.find((r) => r.roleId === m.roles[0]?.roleId) ?? incident.roster[0]!;
      const note = `soak ${context.seed} handover`;
      const to = { name: 'Bruno Lefèvre', phone: '+33 6 12 34 56 78', email: 'bruno@example.test' };
      context.handover = { roleId: role.roleId, to: to.name, note, state: 'uncertain' };
      await b.whenUp();
      try {
        await b.call('incidents:handover', { ...ws, incidentId: m.incidentId, roleId: role.roleId, to, note, actor: { author: 'Bruno', authorRole: role.roleId } });
        context.handover.state = 'confirmed';
        context.note('B handed over');
      } catch (error) {
        if (!(error instanceof NodeDown)) throw error;
        context.note('B died while handing over');
      }
    };
    const checklist = (laptop: LaptopProcess, turn: number): Promise<void> =>
      (async () => {
        const items = (await incidentOn(laptop)).checklist;
        for (let i = turn; i < CHECKLIST_CHANGES; i += context.laptops.length) {
          const item = items[i % Math.min(items.length, 6)]!;
          const note = `soak ${context.seed} ${laptop.name} check #${i}`;
          await laptop.whenUp();
          context.checklistNotes.set(note, 'uncertain');
          try {
            await laptop.call('incidents:setChecklistItem', { ...ws, incidentId: m.incidentId, itemId: item.id, status: CHECKLIST_STATUSES[i % CHECKLIST_STATUSES.length]!, note, actor: { author: laptop.name, authorRole: 'scribe' } });
            context.checklistNotes.set(note, 'confirmed');
          } catch (error) {
            if (!(error instanceof NodeDown)) throw error;
            context.note(`${laptop.name} died while changing checklist item #${i}`);
          }
          await sleep(context.appendEveryMs);
        }
      })();
    await Promise.all([handover(), ...context.laptops.map((laptop, turn) => checklist(laptop, turn))]);
  },
  async check(context, digest) {
    const shared = digest.parts.incidents?.value as { changes: { kind: string; by: string; data: string }[]; incidents: { roster: { roleId: string; holder: string | null }[] }[] };
    const problems: string[] = [];
    const notes = new Map<string, number>();
    for (const change of shared.changes.filter((c) => c.kind === 'checklist')) {
      const note = (JSON.parse(change.data) as { note: string }).note;
      notes.set(note, (notes.get(note) ?? 0) + 1);
    }
    for (const [note, state] of context.checklistNotes) {
      const n = notes.get(note) ?? 0;
      if (state === 'confirmed' ? n !== 1 : n > 1) problems.push(`checklist change "${note}" (${state}) found ${n} times`);
    }
    if (context.checklistNotes.size !== CHECKLIST_CHANGES) problems.push(`${context.checklistNotes.size} checklist changes made, not ${CHECKLIST_CHANGES}`);
    const h = context.handover;
    if (!h) return [...problems, 'no handover made'];
    const handovers = shared.changes.filter((c) => c.kind === 'handover' && (JSON.parse(c.data) as { note: string }).note === h.note);
    if (h.state === 'confirmed' ? handovers.length !== 1 : handovers.length > 1) problems.push(`the handover (${h.state}) found ${handovers.length} times`);
    const holder = shared.incidents[0]?.roster.find((r) => r.roleId === h.roleId)?.holder;
    if (handovers.length === 1 && holder !== h.to) problems.push(`${h.roleId} held by ${holder}, not ${h.to}`);
    return problems;
  },
};

export const SCRIPT: readonly Step[] = [formCell, mobilise, draftStatement, acknowledge, handoverAndChecklist, writeLog, statementFlow];
