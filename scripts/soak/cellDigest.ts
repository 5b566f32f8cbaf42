// The state digest of one laptop of the cell soak, computed inside the laptop's process: each part reads what the
// cell shares, as this laptop holds it, in a canonical form that must be equal on every laptop once the cell has
// converged, and names what does not hold (a signature, an author's chain, an entry missing from the read model).
// To put a new shared domain under the soak, add its part to DIGEST_PARTS.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { Repo, type AutomergeUrl, type DocHandle, type StorageAdapterInterface } from '@automerge/automerge-repo';
import type { CellDocument } from '../../src/main/features/cell/cellDocument';
import { changeHolds, incidentChangeSchema } from '../../src/main/features/incidents/sharedIncidents/incidentChange';
import { sharedEntrySchema, signatureHolds, storedEntries, type SharedEntry, type SharedLogDocument } from '../../src/main/features/crisisLog/sharedEntry';
import {
  acknowledgementHolds,
  acknowledgementRecordSchema,
  mobilisationHolds,
  mobilisationRecordSchema,
  type MobilisationDocument,
} from '../../src/main/features/notify/sharedMobilisation/mobilisationRecords';
import { openDatabase, type Db } from '../../src/main/platform/db/openDatabase';
import { KeyRing } from '../../src/main/platform/security/keyRing';
import { SqliteStorageAdapter } from '../../src/main/platform/sync/sqliteStorageAdapter';
import type { CallInput, CallName, CallOutput } from '../../src/shared/contract/index';

export const WORKSPACE = 'live';

/** What a part reads from: the laptop's contract, its database (read only), and the cell's documents as stored. */
export interface DigestSource {
  call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>>;
  readonly db: Db;
  readonly cell: CellDocument;
  /** Every member's document of `domain` this laptop holds, by member device id (absent: not received yet). */
  documents<T>(domain: string): Promise<Map<string, DocHandle<T>>>;
  /** Heads of every document the cell document names, the cell document's own under its URL. */
  heads(): Promise<Record<string, string[]>>;
}

export interface DigestPart {
  readonly name: string;
  read(source: DigestSource): Promise<{ value: unknown; problems: string[] }>;
}

/** Members as the cell document shares them (what is local to a laptop, online and last contact, left out). */
const members: DigestPart = {
  name: 'members',
  async read({ call }) {
    const status = await call('cell:status', { workspaceId: WORKSPACE });
    const value = (status.cell?.members ?? []).map(({ deviceId, name, roles, joinedAt, revokedAt, addresses, personName, relay }) => ({ deviceId, name, roles, joinedAt, revokedAt, addresses, personName, relay }));
    return { value, problems: status.cell ? [] : ['not in a cell'] };
  },
};

/** The heads of every shared document: equal heads, equal documents. */
const documents: DigestPart = {
  name: 'documents',
  async read({ heads }) {
    return { value: await heads(), problems: [] };
  },
};

interface OriginRow {
  id: string;
  device: string;
  n: number;
  prev: string;
  hlc: string;
  signature: string;
  genuine: number;
  author: string;
  kind: string;
  body: string;
  incidentId: string | null;
}

/**
 * The crisis log's read model: every entry that came through the cell, with its author laptop, place in that
 * laptop's chain, clock and signature. Checked against the authors' documents: each document entry signed by its
 * author's key, each author's numbers 1…k each naming the signature before, and each one in the read model once.
 */
const crisisLog: DigestPart = {
  name: 'crisisLog',
  async read({ db, cell, documents: docs, call }) {
    const rows = db
      .prepare<[], OriginRow>(
        `SELECT o.entry_id AS id, o.device_id AS device, o.author_seq AS n, o.prev, o.hlc, o.signature, o.genuine,
                l.author, l.kind, l.body, l.incident_id AS incidentId
           FROM crisis_log_origin o JOIN crisis_log l ON l.id = o.entry_id ORDER BY o.hlc, o.device_id, o.entry_id`,
      )
      .all();
    const problems: string[] = [];
    for (const row of rows) if (row.genuine !== 1) problems.push(`read model: entry ${row.id} not genuine`);
    const inModel = new Map(rows.map((row) => [row.id, row]));
    const logs = await docs<SharedLogDocument>('crisisLog');
    let inDocuments = 0;
    for (const [device, handle] of logs) {
      const publicKeyPem = cell.members[device]?.publicKey;
      const entries = storedEntries(handle.doc()).map(({ key, value }) => ({ key, parsed: sharedEntrySchema.safeParse(value) }));
      const chain: SharedEntry[] = [];
      for (const { key, parsed } of entries) {
        if (!parsed.success || parsed.data.id !== key || parsed.data.device !== device) {
          problems.push(`document of ${device}: entry ${key} malformed or misfiled`);
          continue;
        }
        const entry = parsed.data;
        if (!signatureHolds(entry, publicKeyPem)) problems.push(`document of ${device}: entry ${key} signature does not hold`);
        const row = inModel.get(entry.id);
        if (!row) problems.push(`entry ${entry.id} of ${device} missing from the read model`);
        else if (row.signature !== entry.signature || row.n !== entry.n || row.body !== entry.body) problems.push(`entry ${entry.id}: read model differs from its signed document entry`);
        chain.push(entry);
        inDocuments += 1;
      }
      chain.sort((x, y) => x.n - y.n);
      chain.forEach((entry, i) => {
        if (entry.n !== i + 1 || entry.prev !== (i === 0 ? '' : chain[i - 1]?.signature)) problems.push(`chain of ${device} broken at n=${entry.n}`);
      });
    }
    if (inDocuments !== rows.length) problems.push(`read model holds ${rows.length} shared entries, the documents ${inDocuments}`);
    const integrity = await call('crisisLog:verify', { workspaceId: WORKSPACE });
    if (!integrity.ok) problems.push(`crisisLog:verify: ${JSON.stringify(integrity.firstBroken)}`);
    return { value: rows.map(({ genuine: _g, ...row }) => row), problems };
  },
};

/** Every mobilisation and acknowledgement in the members' documents, each kept only if its signature holds. */
const mobilisation: DigestPart = {
  name: 'mobilisation',
  async read({ cell, documents: docs }) {
    const problems: string[] = [];
    const held = await docs<MobilisationDocument>('mobilisation');
    const mobilisations = new Map<string, ReturnType<typeof mobilisationRecordSchema.parse>>();
    for (const [device, handle] of held) {
      for (const value of Object.values(handle.doc().mobilisations ?? {})) {
        const parsed = mobilisationRecordSchema.safeParse(JSON.parse(JSON.stringify(value)));
        if (!parsed.success || parsed.data.device !== device || !mobilisationHolds(parsed.data, cell.members[device]?.publicKey)) problems.push(`mobilisation in ${device}'s document does not hold`);
        else mobilisations.set(parsed.data.id, parsed.data);
      }
    }
    const acknowledgements = [];
    for (const [device, handle] of held) {
      for (const value of Object.values(handle.doc().acknowledgements ?? {})) {
        const parsed = acknowledgementRecordSchema.safeParse(JSON.parse(JSON.stringify(value)));
        const of = parsed.success ? mobilisations.get(parsed.data.mobilisationId) : undefined;
        if (!parsed.success || !of || !acknowledgementHolds(parsed.data, of, cell.members[device]?.publicKey)) problems.push(`acknowledgement in ${device}'s document does not hold`);
        else acknowledgements.push(parsed.data);
      }
    }
    const value = {
      mobilisations: [...mobilisations.values()].sort((x, y) => x.id.localeCompare(y.id)),
      acknowledgements: acknowledgements.sort((x, y) => `${x.mobilisationId}:${x.roleId}`.localeCompare(`${y.mobilisationId}:${y.roleId}`)),
    };
    return { value, problems };
  },
};

/**
 * Statements as the read model holds them (texts merged from every laptop's edits), their decisions, each with the
 * laptop that signed it (a decision whose signature did not hold is named), and the posts the cell's outboxes shared.
 */
const statements: DigestPart = {
  name: 'statements',
  async read({ db, call }) {
    const rows = db
      .prepare<[], { id: string; title: string; textFr: string; textEn: string; contentHash: string }>(
        'SELECT id, title, text_fr AS textFr, text_en AS textEn, content_hash AS contentHash FROM statements ORDER BY id',
      )
      .all();
    const decisions = db
      .prepare<[], { id: string; statementId: string; device: string | null; decision: string; person: string; role: string; contentHash: string; genuine: number }>(
        `SELECT decision_id AS id, statement_id AS statementId, device_id AS device, decision, person, role, content_hash AS contentHash, genuine
           FROM statement_decisions ORDER BY decision_id`,
      )
      .all();
    const problems = decisions.filter((d) => d.genuine !== 1).map((d) => `decision ${d.id} of ${d.person} not genuine`);
    // What the cell's outboxes posted, signed by the laptop that posted it: every laptop shows the same posts.
    const posts: Record<string, unknown> = {};
    for (const { id } of rows) posts[id] = (await call('composer:get', { workspaceId: WORKSPACE, statementId: id })).cellPublishing?.posts ?? [];
    return { value: { statements: rows, decisions, posts }, problems };
  },
};

/**
 * Incidents: every signed change (openings, handovers, checklist items…) as this laptop holds it, each signature
 * checked here against its author laptop's key, and what replaying them gave the read model: each role's holders
 * and each checklist item's state.
 */
const incidents: DigestPart = {
  name: 'incidents',
  async read({ db, cell, call }) {
    const rows = db
      .prepare<[], { id: string; incidentId: string; device: string; hlc: string; at: string; by: string; kind: string; data: string; signature: string; genuine: number }>(
        `SELECT id, incident_id AS incidentId, device_id AS device, hlc, at, by, kind, data_json AS data, signature, genuine
           FROM incident_changes ORDER BY hlc, device_id, id`,
      )
      .all();
    const problems: string[] = [];
    for (const { genuine, ...row } of rows) {
      const change = incidentChangeSchema.safeParse(row);
      if (genuine !== 1) problems.push(`change ${row.id} (${row.kind}) of ${row.device} not genuine`);
      else if (!change.success || !changeHolds(change.data, cell.members[row.device]?.publicKey)) problems.push(`change ${row.id} (${row.kind}) of ${row.device}: signature does not hold`);
    }
    const held = [];
    for (const { id } of await call('incidents:list', { workspaceId: WORKSPACE })) {
      const detail = await call('incidents:get', { workspaceId: WORKSPACE, incidentId: id });
      held.push({
        id,
        status: detail.status,
        severity: detail.severity,
        roster: detail.roster.map((r) => ({ roleId: r.roleId, holder: r.holder?.name ?? null, history: r.history.map((h) => [h.person.name, h.fromAt, h.untilAt, h.handedOverBy, h.note]) })),
        checklist: detail.checklist.map((i) => ({ id: i.id, status: i.status, doneBy: i.doneBy, doneAt: i.doneAt, note: i.note })),
      });
    }
    return { value: { changes: rows.map(({ genuine: _g, ...row }) => row), incidents: held }, problems };
  },
};

export const DIGEST_PARTS: readonly DigestPart[] = [members, documents, crisisLog, mobilisation, incidents, statements];

export interface LaptopDigest {
  /** The laptop's own device id (not part of the digest). */
  readonly deviceId: string;
  /** SHA-256 of every part's canonical JSON. */
  readonly digest: string;
  readonly parts: Record<string, { hash: string; value: unknown }>;
  readonly problems: string[];
}

export const hashOf = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** Storage that reads the laptop's database and never writes: the digest must not change what it measures. */
function readOnly(storage: StorageAdapterInterface): StorageAdapterInterface {
  return {
    load: (key) => storage.load(key),
    loadRange: (prefix) => storage.loadRange(prefix),
    save: async () => undefined,
    remove: async () => undefined,
    removeRange: async () => undefined,
  };
}

/** Reads every part from the laptop whose data folder is `dataDir`, through its core's `call` and its database. */
export async function digestOf(dataDir: string, call: DigestSource['call']): Promise<LaptopDigest> {
  const path = join(dataDir, 'workspaces', `${WORKSPACE}.db`);
  const key = new KeyRing(dataDir).keyFor(WORKSPACE, join(dataDir, 'workspaces', `${WORKSPACE}.key`));
  const db = openDatabase({ path, key, readonly: true });
  const repo = new Repo({ storage: readOnly(new SqliteStorageAdapter(() => db)), network: [] });
  try {
    const record = db.prepare<[], { value_json: string }>("SELECT value_json FROM cell_local WHERE name = 'cell'").get();
    const deviceId = (await call('cell:status', { workspaceId: WORKSPACE })).cell?.deviceId;
    if (!record || !deviceId) return { deviceId: '', digest: '', parts: {}, problems: ['not in a cell'] };
    const cellUrl = (JSON.parse(record.value_json) as { cellUrl: AutomergeUrl }).cellUrl;
    const cellHandle = await repo.find<CellDocument>(cellUrl);
    const cell = JSON.parse(JSON.stringify(cellHandle.doc())) as CellDocument;
    const find = async <T>(url: string): Promise<DocHandle<T> | undefined> => {
      const handle = await repo.find<T>(url as AutomergeUrl, { allowableStates: ['ready', 'unavailable'] });
      return handle.isReady() ? handle : undefined;
    };
    const source: DigestSource = {
      call,
      db,
      cell,
      async documents<T>(domain: string) {
        const out = new Map<string, DocHandle<T>>();
        for (const [device, member] of Object.entries(cell.members)) {
          const url = member.documents?.[domain];
          const handle = url ? await find<T>(url) : undefined;
          if (handle) out.set(device, handle);
        }
        return out;
      },
      async heads() {
        const out: Record<string, string[]> = { [cellUrl]: [...cellHandle.heads()].sort() };
        for (const member of Object.values(cell.members)) {
          for (const url of Object.values(member.documents ?? {})) out[url] = [...((await find(url))?.heads() ?? [])].sort();
        }
        return out;
      },
    };
    const parts: LaptopDigest['parts'] = {};
    const problems: string[] = [];
    for (const part of DIGEST_PARTS) {
      const { value, problems: found } = await part.read(source);
      parts[part.name] = { hash: hashOf(value), value };
      problems.push(...found.map((p) => `${part.name}: ${p}`));
    }
    return { deviceId, digest: hashOf(Object.entries(parts).map(([name, p]) => [name, p.hash])), parts, problems };
  } finally {
    db.close();
  }
}
