// The cell on this laptop, per workspace: its automerge-repo (storage in the workspace database, mutual-TLS
// network), the cell document, and the acts of creating, inviting, joining and removing. Keys are derived from
// the workspace secret the key ring wraps (HKDF), so neither the device key nor the authority key is ever stored.
import { createHash, createPrivateKey, createPublicKey, randomBytes, randomUUID, sign } from 'node:crypto';
import type { Server } from 'node:https';
import { isIPv4 } from 'node:net';
import { networkInterfaces } from 'node:os';
import { Repo, type AutomergeUrl, type DocHandle, type PeerId } from '@automerge/automerge-repo';
import { z } from 'zod';
import type { CellStatus } from '../../../shared/contract/cell';
import { AppFailure } from '../../../shared/contract/envelope';
import type { Clock } from '../../platform/clock';
import type { EventBus } from '../../platform/events/eventBus';
import type { Logger } from '../../platform/logger';
import { deriveSubkey } from '../../platform/security/subkeys';
import { CellDiscovery, type FoundPeer } from '../../platform/sync/cellDiscovery';
import { certificateFingerprint, createAuthority, deviceIdOf, ed25519FromSeed, issueDeviceCertificate, type KeyPairPem } from '../../platform/sync/cellCertificates';
import { MutualTlsNetwork } from '../../platform/sync/mutualTlsNetwork';
import type { SharedDomain, SharedDomainContext } from '../../platform/sync/sharedDomain';
import { SqliteStorageAdapter } from '../../platform/sync/sqliteStorageAdapter';
import type { WorkspaceStore } from '../../platform/workspaces/workspaceStore';
import { isRevoked, membersOf, peerAddresses, type CellDocument } from './cellDocument';
import { CellPresence } from './cellPresence';
import { CellRepository } from './cellRepository';
import { joinAddress, requestAdmission, startJoinServer, type Admission, type JoinRequest } from './enrollment';
import { formatJoinCode, parseJoinCode } from './joinCode';
import { failure } from '../../platform/i18n/failure';

const recordSchema = z.object({
  cellId: z.uuid(),
  cellUrl: z.string(),
  caCertificatePem: z.string(),
  deviceCertificatePem: z.string(),
  /** This laptop created the cell: it can derive the authority key and admit laptops. */
  authority: z.boolean(),
  /** Where cell sync listens while it is on, kept so a restart resumes it on the same address. */
  sync: z.object({ host: z.string(), port: z.number().int() }).nullable().default(null),
});
type CellRecord = z.infer<typeof recordSchema>;

interface Session {
  readonly workspaceId: string;
  record: CellRecord;
  readonly device: KeyPairPem & { deviceId: string };
  readonly repo: Repo;
  readonly network: MutualTlsNetwork;
  readonly presence: CellPresence;
  handle?: DocHandle<CellDocument>;
  join?: { server: Server; address: string };
  /** Addresses dialled now: the members' plus those typed by hand and those found on the network. */
  readonly dialled: Set<string>;
  readonly typed: Set<string>;
  /** Announces this laptop and finds the others by mDNS while cell sync is on. */
  discovery?: CellDiscovery;
  /** Laptops of this cell found by mDNS since sync went on, by device id. */
  readonly found: Map<string, { address: string; foundAt: string }>;
}

export interface CellTuning {
  /** Delay before redialling a lost peer. */
  readonly retryMs: number;
  /** How long a newcomer waits for the inviting laptop's copy of the cell document. */
  readonly joinWaitMs: number;
  /** The UDP port of mDNS discovery (5353, its standard one); null leaves discovery off. */
  readonly mdnsPort: number | null;
}

const DEFAULT_TUNING: CellTuning = { retryMs: 2_000, joinWaitMs: 15_000, mdnsPort: 5353 };
const RECORD = 'cell';
const CONTACTS = 'cell/contacts';
/** Sync progress and edits to the shared documents come in bursts: the screens hear of them at most this often. */
const SETTLE_MS = 250;

export class CellService {
  readonly #sessions = new Map<string, Promise<Session>>();
  readonly #tuning: CellTuning;
  readonly #settling = new Map<string, NodeJS.Timeout>();
  #closed = false;

  constructor(
    private readonly store: WorkspaceStore,
    private readonly events: EventBus,
    private readonly clock: Clock,
    private readonly logger: Logger,
    tuning: Partial<CellTuning> = {},
    /** The domains replicated through the cell (the crisis log…), attached to each workspace's session. */
    private readonly domains: readonly SharedDomain[] = [],
    /**
     * A relay (`npm run relay`): a member with no person behind it and no shared domain of its own. automerge-repo
     * stores every document a linked laptop shares with it (the share policy gives every linked peer everything) and
     * hands it to every laptop that links later, so laptops never online at the same time still meet through it.
     */
    private readonly relay = false,
    /** A sealed workspace adds no peer by itself: a laptop found on the network is dialled only if it is a member. */
    private readonly isSealed: (workspaceId: string) => boolean = () => false,
  ) {
    this.#tuning = { ...DEFAULT_TUNING, ...tuning };
  }

  async status(workspaceId: string): Promise<CellStatus> {
    const interfaces = interfaceAddresses();
    if (!this.#record(workspaceId)) return { cell: null, interfaces };
    const session = await this.#session(workspaceId);
    const handle = this.#handle(session);
    const online = new Set<string>(session.network.links.map((link) => link.peerId));
    const me = session.device.deviceId;
    const others = Object.entries(handle.doc().members)
      .filter(([deviceId, m]) => deviceId !== me && m.revokedAt == null)
      .map(([deviceId]) => deviceId);
    const waiting = await session.presence.waiting(others);
    const cutOff = others.length > 0 && !others.some((deviceId) => online.has(deviceId));
    return {
      cell: {
        cellId: session.record.cellId,
        deviceId: me,
        authority: session.record.authority,
        listening: session.network.listening,
        members: membersOf(handle.doc(), me, online).map((member) => ({
          ...member,
          lastContact: member.self ? null : session.presence.lastContact(member.deviceId),
          waitingChanges: waiting.byDevice.get(member.deviceId) ?? null,
        })),
        heads: [...handle.heads()],
        cutOff: cutOff ? { since: session.presence.lastContactWithAny(others) } : null,
        waitingChanges: waiting.total,
        discovered: [...session.found].map(([deviceId, { address, foundAt }]) => ({ deviceId, address, foundAt, member: handle.doc().members[deviceId] !== undefined })),
      },
      interfaces,
    };
  }

  async create(workspaceId: string, memberName: string, roles: string[]): Promise<CellStatus> {
    if (this.#record(workspaceId)) throw failure('CONFLICT', 'platform.cell.alreadyInCell');
    // The cell authority admits laptops at a person's request: a relay only ever joins.
    if (this.relay) throw failure('FORBIDDEN', 'platform.cell.relayJoinsOnly');
    const now = this.clock.now();
    const cellId = randomUUID();
    const device = this.#device(workspaceId);
    const authority = await createAuthority(cellId, now, this.#authorityPair(workspaceId, cellId));
    const record: CellRecord = {
      cellId,
      cellUrl: '',
      caCertificatePem: authority.certificatePem,
      deviceCertificatePem: await issueDeviceCertificate(authority, device.publicKeyPem, now),
      authority: true,
      sync: null,
    };
    const session = this.#newSession(workspaceId, record, device);
    const handle = session.repo.create<CellDocument>({
      cellId,
      members: { [device.deviceId]: entry(memberName, roles, device.publicKeyPem, now.toISOString(), device.deviceId) },
    });
    session.record = { ...record, cellUrl: handle.url };
    this.#repository(workspaceId).putLocal(RECORD, session.record);
    await this.#attach(workspaceId, session, handle);
    this.#sessions.set(workspaceId, Promise.resolve(session));
    await saveReady(session.repo);
    this.#changed(workspaceId);
    return this.status(workspaceId);
  }

  async start(workspaceId: string, host: string, port: number): Promise<CellStatus> {
    const session = await this.#session(workspaceId);
    if (session.network.listening) throw failure('CONFLICT', 'platform.cell.syncOn');
    await this.#listen(session, host, port);
    this.#keepSync(session, host);
    await this.#setOwnAddress(session, host);
    this.#discover(session, host);
    this.#dialMembers(session);
    this.#changed(workspaceId);
    return this.status(workspaceId);
  }

  /** Turns cell sync back on in every workspace where it was on when the core last stopped. */
  async resume(): Promise<void> {
    for (const workspaceId of this.store.ids()) {
      const sync = this.#record(workspaceId)?.sync;
      if (!sync) continue;
      await this.start(workspaceId, sync.host, sync.port).catch((error: unknown) =>
        this.logger.warn('cell: sync not resumed', { workspaceId, error: error instanceof Error ? error.message : String(error) }),
      );
    }
  }

  async stop(workspaceId: string): Promise<CellStatus> {
    const session = await this.#session(workspaceId);
    await this.#goOffline(session);
    session.record = { ...session.record, sync: null };
    this.#repository(workspaceId).putLocal(RECORD, session.record);
    this.#changed(workspaceId);
    return this.status(workspaceId);
  }

  async invite(workspaceId: string, validMinutes: number): Promise<{ joinCode: string; expiresAt: string }> {
    const session = await this.#session(workspaceId);
    if (!session.record.authority) throw failure('FORBIDDEN', 'platform.cell.authorityOnly');
    const listening = session.network.listening;
    if (!listening || !session.join) throw failure('CONFLICT', 'platform.cell.syncOffInvite');
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + validMinutes * 60_000).toISOString();
    const invitationId = randomBytes(16).toString('hex');
    const secret = randomBytes(32).toString('base64url');
    this.#repository(workspaceId).addInvitation(invitationId, hashSecret(secret), now.toISOString(), expiresAt);
    const joinCode = formatJoinCode({
      cellId: session.record.cellId,
      invitationId,
      secret,
      pin: certificateFingerprint(session.record.deviceCertificatePem),
      join: session.join.address,
      peers: [joinAddress(listening.host, listening.port)],
    });
    return { joinCode, expiresAt };
  }

  async join(workspaceId: string, input: { joinCode: string; memberName: string; roles: string[]; host: string; port: number }): Promise<CellStatus> {
    if (this.#record(workspaceId)) throw failure('CONFLICT', 'platform.cell.alreadyInCell');
    const code = parseJoinCode(input.joinCode);
    const device = this.#device(workspaceId);
    const admission = await requestAdmission(code, {
      invitationId: code.invitationId,
      secret: code.secret,
      publicKeyPem: device.publicKeyPem,
      memberName: input.memberName,
      roles: input.roles,
    });
    if (admission.cellId !== code.cellId) throw failure('UNAVAILABLE', 'platform.cell.otherCell');
    const record: CellRecord = { ...admission, authority: false, sync: null };
    const session = this.#newSession(workspaceId, record, device);
    this.#sessions.set(workspaceId, Promise.resolve(session));
    await this.#listen(session, input.host, input.port);
    for (const address of code.peers) this.#dial(session, address);
    const handle = await this.#fetchCellDocument(session).catch(async (error: unknown) => {
      this.#sessions.delete(workspaceId);
      await this.#goOffline(session);
      await saveReady(session.repo).catch(() => undefined);
      throw error;
    });
    // Kept only once the document is here, so a failed join leaves the workspace outside any cell.
    this.#keepSync(session, input.host);
    await this.#attach(workspaceId, session, handle);
    await this.#setOwnAddress(session, input.host);
    if (this.relay) await this.#markRelay(session);
    this.#discover(session, input.host);
    this.#dialMembers(session);
    this.#changed(workspaceId);
    return this.status(workspaceId);
  }

  /**
   * The newcomer's first copy of the cell document. automerge-repo answers "unavailable" at once when no peer is
   * connected, so the request waits for the link to the inviting laptop.
   */
  async #fetchCellDocument(session: Session): Promise<DocHandle<CellDocument>> {
    const signal = AbortSignal.timeout(this.#tuning.joinWaitMs);
    const unavailable = (): AppFailure =>
      failure('UNAVAILABLE', 'platform.cell.documentMissing');
    while (session.network.links.length === 0) {
      if (signal.aborted) throw unavailable();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    try {
      return await session.repo.find<CellDocument>(session.record.cellUrl as AutomergeUrl, { signal });
    } catch {
      throw unavailable();
    }
  }

  async profile(workspaceId: string, memberName: string, roles: string[], personName?: string | null): Promise<CellStatus> {
    const session = await this.#session(workspaceId);
    const me = session.device.deviceId;
    this.#handle(session).change((doc) => {
      const mine = doc.members[me];
      if (!mine) return;
      mine.name = memberName;
      mine.roles = [...roles];
      if (personName !== undefined) mine.person = personName;
    });
    await saveReady(session.repo);
    return this.status(workspaceId);
  }

  async connect(workspaceId: string, address: string): Promise<CellStatus> {
    const session = await this.#session(workspaceId);
    if (!session.network.listening) throw failure('CONFLICT', 'platform.cell.syncOffConnect');
    session.typed.add(address);
    this.#dial(session, address);
    return this.status(workspaceId);
  }

  async remove(workspaceId: string, deviceId: string): Promise<CellStatus> {
    const session = await this.#session(workspaceId);
    const me = session.device.deviceId;
    if (deviceId === me) throw failure('CONFLICT', 'platform.cell.removeSelf');
    const handle = this.#handle(session);
    if (!handle.doc().members[deviceId]) throw failure('NOT_FOUND', 'platform.cell.noLaptop');
    const now = this.clock.now().toISOString();
    handle.change((doc) => {
      const member = doc.members[deviceId];
      if (!member || member.revokedAt !== null) return;
      member.revokedAt = now;
      member.revokedBy = me;
    });
    await saveReady(session.repo);
    return this.status(workspaceId);
  }

  close(): void {
    this.#closed = true;
    for (const timer of this.#settling.values()) clearTimeout(timer);
    this.#settling.clear();
    for (const pending of this.#sessions.values()) {
      void pending.then(async (session) => {
        await session.discovery?.stop();
        session.join?.server.close();
        await session.network.stop();
        await saveReady(session.repo);
      });
    }
    this.#sessions.clear();
    for (const workspaceId of this.store.ids()) for (const domain of this.domains) domain.detach(workspaceId);
  }

  #repository(workspaceId: string): CellRepository {
    return new CellRepository(this.store.get(workspaceId).db);
  }

  #record(workspaceId: string): CellRecord | undefined {
    const value = this.#repository(workspaceId).getLocal(RECORD);
    if (value === undefined) return undefined;
    const parsed = recordSchema.safeParse(value);
    if (!parsed.success) throw failure('UNAVAILABLE', 'platform.cell.recordDamaged');
    return parsed.data;
  }

  #device(workspaceId: string): KeyPairPem & { deviceId: string } {
    const pair = ed25519FromSeed(deriveSubkey(this.store.secret(workspaceId), workspaceId, 'cell/device/ed25519/v1'));
    return { ...pair, deviceId: deviceIdOf(pair.publicKeyPem) };
  }

  #authorityPair(workspaceId: string, cellId: string): KeyPairPem {
    return ed25519FromSeed(deriveSubkey(this.store.secret(workspaceId), workspaceId, `cell/${cellId}/authority/ed25519/v1`));
  }

  #session(workspaceId: string): Promise<Session> {
    let pending = this.#sessions.get(workspaceId);
    if (!pending) {
      pending = this.#reopen(workspaceId);
      this.#sessions.set(workspaceId, pending);
      pending.catch(() => this.#sessions.delete(workspaceId));
    }
    return pending;
  }

  async #reopen(workspaceId: string): Promise<Session> {
    const record = this.#record(workspaceId);
    if (!record) throw failure('NOT_FOUND', 'platform.cell.notInCell');
    const session = this.#newSession(workspaceId, record, this.#device(workspaceId));
    const handle = await session.repo.find<CellDocument>(record.cellUrl as AutomergeUrl, { signal: AbortSignal.timeout(this.#tuning.joinWaitMs) });
    await this.#attach(workspaceId, session, handle);
    return session;
  }

  #newSession(workspaceId: string, record: CellRecord, device: KeyPairPem & { deviceId: string }): Session {
    // The network asks about revocations in the cell document, which the session holds once it exists.
    const current: { session?: Session } = {};
    const network = new MutualTlsNetwork({
      identity: { key: device.privateKeyPem, cert: record.deviceCertificatePem, ca: record.caCertificatePem },
      refuses: (deviceId) => isRevoked(current.session?.handle?.doc(), deviceId),
      retryMs: this.#tuning.retryMs,
      onRefused: (reason) => this.logger.warn('cell: peer refused', { workspaceId, reason }),
    });
    network.on('peer-candidate', () => this.#changed(workspaceId));
    network.on('peer-disconnected', () => this.#changed(workspaceId));
    const repo = new Repo({
      storage: new SqliteStorageAdapter(() => (this.#closed ? undefined : this.store.get(workspaceId).db)),
      network: [network],
      peerId: device.deviceId as PeerId,
      // Every connected peer passed mutual TLS with the cell's authority and is not removed: all of it is theirs.
      sharePolicy: async () => true,
    });
    const presence = new CellPresence(repo, network, this.clock, {
      load: () => this.#repository(workspaceId).getLocal(CONTACTS),
      // Links close as the core shuts down, after the database may have gone.
      save: (contacts) => this.#closed || this.#repository(workspaceId).putLocal(CONTACTS, contacts),
    }, () => this.#settled(workspaceId));
    // Edits to any shared document change what waits to be sent.
    repo.on('document', ({ handle }) => handle.on('heads-changed', () => this.#settled(workspaceId)));
    current.session = { workspaceId, record, device, repo, network, presence, dialled: new Set(), typed: new Set(), found: new Map() };
    return current.session;
  }

  /** Resolves once every shared domain is attached, so nothing written after it is left out of the cell. */
  async #attach(workspaceId: string, session: Session, handle: DocHandle<CellDocument>): Promise<void> {
    session.handle = handle;
    const listeners: (() => void)[] = [];
    handle.on('change', () => {
      session.network.dropRefused();
      if (session.network.listening) this.#dialMembers(session);
      this.#changed(workspaceId);
      for (const listener of listeners) listener();
    });
    const context = domainContext(session, handle, (listener) => listeners.push(listener));
    await Promise.all(
      this.domains.map((domain) =>
        domain.attach(context).catch((error: unknown) =>
          this.logger.error('cell: shared domain not attached', { workspaceId, error: error instanceof Error ? error.message : String(error) }),
        ),
      ),
    );
  }

  #handle(session: Session): DocHandle<CellDocument> {
    if (!session.handle) throw failure('UNAVAILABLE', 'platform.cell.documentNotLoaded');
    return session.handle;
  }

  async #listen(session: Session, host: string, port: number): Promise<void> {
    try {
      await session.network.listen(host, port);
      if (session.record.authority) {
        const identity = { key: session.device.privateKeyPem, cert: session.record.deviceCertificatePem };
        const { server, port: joinPort } = await startJoinServer(host, identity, (request) => this.#admit(session, request));
        session.join = { server, address: joinAddress(host, joinPort) };
      }
    } catch (error) {
      await this.#goOffline(session);
      throw failure('UNAVAILABLE', 'platform.cell.cannotListen', { host, detail: error instanceof Error ? error.message : String(error) });
    }
  }

  #keepSync(session: Session, host: string): void {
    const listening = session.network.listening;
    session.record = { ...session.record, sync: listening && { host, port: listening.port } };
    this.#repository(session.workspaceId).putLocal(RECORD, session.record);
  }

  async #goOffline(session: Session): Promise<void> {
    const discovery = session.discovery;
    session.discovery = undefined;
    session.found.clear();
    await discovery?.stop();
    session.join?.server.close();
    session.join = undefined;
    session.dialled.clear();
    await session.network.stop();
  }

  async #setOwnAddress(session: Session, host: string): Promise<void> {
    const listening = session.network.listening;
    if (!listening) return;
    const address = joinAddress(host, listening.port);
    const me = session.device.deviceId;
    const mine = this.#handle(session).doc().members[me];
    if (!mine || (mine.addresses.length === 1 && mine.addresses[0] === address)) return;
    this.#handle(session).change((doc) => {
      const entryOfMine = doc.members[me];
      if (entryOfMine) entryOfMine.addresses = [address];
    });
    await saveReady(session.repo);
  }

  async #markRelay(session: Session): Promise<void> {
    const me = session.device.deviceId;
    if (this.#handle(session).doc().members[me]?.relay === true) return;
    this.#handle(session).change((doc) => {
      const mine = doc.members[me];
      if (mine) mine.relay = true;
    });
    await saveReady(session.repo);
  }

  #dialMembers(session: Session): void {
    const handle = session.handle;
    if (!handle) return;
    const own = session.network.listening;
    const ownAddress = own ? joinAddress(own.host, own.port) : '';
    const found = [...session.found.values()].map((f) => f.address);
    const wanted = new Set([...peerAddresses(handle.doc(), session.device.deviceId), ...session.typed, ...found].filter((a) => a !== ownAddress));
    for (const address of session.dialled) {
      if (!wanted.has(address)) {
        session.network.forget(address);
        session.dialled.delete(address);
      }
    }
    for (const address of wanted) this.#dial(session, address);
  }

  /**
   * Announces this laptop on the interface sync listens on and dials the cell's laptops found there. Discovery is a
   * help, never a condition: a network without multicast (or an IPv6 address) leaves the members' and typed addresses.
   */
  #discover(session: Session, host: string): void {
    const listening = session.network.listening;
    const mdnsPort = this.#tuning.mdnsPort;
    if (!listening || mdnsPort === null || session.discovery || !isIPv4(host)) return;
    const { workspaceId } = session;
    const warn = (error: unknown): void => this.logger.warn('cell: mdns discovery', { workspaceId, error: error instanceof Error ? error.message : String(error) });
    try {
      session.discovery = new CellDiscovery({
        cellId: session.record.cellId,
        deviceId: session.device.deviceId,
        host,
        port: listening.port,
        mdnsPort,
        onFound: (peer) => this.#found(session, peer),
        onWarning: warn,
      });
    } catch (error) {
      warn(error);
    }
  }

  #found(session: Session, peer: FoundPeer): void {
    const doc = session.handle?.doc();
    if (!doc || !session.discovery || isRevoked(doc, peer.deviceId)) return;
    if (this.isSealed(session.workspaceId) && doc.members[peer.deviceId] === undefined) return;
    const address = joinAddress(peer.host, peer.port);
    if (session.found.get(peer.deviceId)?.address === address) return;
    session.found.set(peer.deviceId, { address, foundAt: this.clock.now().toISOString() });
    this.#dialMembers(session);
    this.#changed(session.workspaceId);
  }

  #dial(session: Session, address: string): void {
    if (session.dialled.has(address)) return;
    session.dialled.add(address);
    session.network.dial(address);
  }

  async #admit(session: Session, request: JoinRequest): Promise<Admission> {
    let publicKey;
    try {
      publicKey = createPublicKey(request.publicKeyPem);
    } catch {
      publicKey = undefined;
    }
    if (publicKey?.asymmetricKeyType !== 'ed25519') throw failure('FORBIDDEN', 'platform.cell.notEd25519');
    const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const deviceId = deviceIdOf(publicKeyPem);
    const handle = this.#handle(session);
    if (isRevoked(handle.doc(), deviceId)) throw failure('FORBIDDEN', 'platform.cell.removed');
    const now = this.clock.now();
    const { workspaceId } = session;
    if (!this.#repository(workspaceId).consumeInvitation(request.invitationId, hashSecret(request.secret), now.toISOString())) {
      throw failure('FORBIDDEN', 'platform.cell.badInvitation');
    }
    const authority = { certificatePem: session.record.caCertificatePem, privateKeyPem: this.#authorityPair(workspaceId, session.record.cellId).privateKeyPem };
    const deviceCertificatePem = await issueDeviceCertificate(authority, publicKeyPem, now);
    handle.change((doc) => {
      doc.members[deviceId] = entry(request.memberName, request.roles, publicKeyPem, now.toISOString(), session.device.deviceId);
    });
    await saveReady(session.repo);
    return { cellId: session.record.cellId, cellUrl: session.record.cellUrl, caCertificatePem: session.record.caCertificatePem, deviceCertificatePem };
  }

  #changed(workspaceId: string): void {
    this.events.emit('cell:changed', { workspaceId });
  }

  #settled(workspaceId: string): void {
    if (this.#closed || this.#settling.has(workspaceId)) return;
    this.#settling.set(
      workspaceId,
      setTimeout(() => {
        this.#settling.delete(workspaceId);
        this.#changed(workspaceId);
      }, SETTLE_MS),
    );
  }
}

/** This computer's interface addresses, loopback included, for the person to pick the one the cell listens on. */
function interfaceAddresses(): { name: string; address: string; family: 'IPv4' | 'IPv6'; internal: boolean }[] {
  return Object.entries(networkInterfaces()).flatMap(([name, addresses]) =>
    (addresses ?? [])
      .filter((a) => !(a.family === 'IPv6' && a.scopeid))
      .map((a) => ({ name, address: a.address, family: a.family, internal: a.internal })),
  );
}

function entry(name: string, roles: string[], publicKey: string, at: string, addedBy: string) {
  return { name, roles: [...roles], publicKey, joinedAt: at, addedBy, revokedAt: null, revokedBy: null, addresses: [] };
}

/** What a shared domain sees of a session: the repo, this laptop's identity and the members' documents. */
function domainContext(session: Session, handle: DocHandle<CellDocument>, onMembersChanged: (listener: () => void) => void): SharedDomainContext {
  const me = session.device.deviceId;
  // Parsed once: every entry this laptop writes is signed with it.
  const privateKey = createPrivateKey(session.device.privateKeyPem);
  return {
    workspaceId: session.workspaceId,
    deviceId: me,
    repo: session.repo,
    sign: (data) => sign(null, data, privateKey),
    member: (deviceId) => {
      const m = handle.doc().members[deviceId];
      return m && { name: m.name, publicKeyPem: m.publicKey };
    },
    members: () =>
      Object.entries(handle.doc().members)
        .filter(([, m]) => m.revokedAt == null)
        .map(([deviceId, m]) => ({ deviceId, name: m.name, person: m.person ?? null })),
    async ownDocument<T>(domain: string, initial: () => T): Promise<DocHandle<T>> {
      const url = handle.doc().members[me]?.documents?.[domain];
      if (url) return session.repo.find<T>(url as AutomergeUrl);
      const created = session.repo.create<T>(initial());
      handle.change((doc) => {
        const mine = doc.members[me];
        if (!mine) return;
        mine.documents ??= {};
        mine.documents[domain] = created.url;
      });
      await saveReady(session.repo);
      return created;
    },
    memberDocuments: (domain) =>
      Object.entries(handle.doc().members).flatMap(([deviceId, m]) => {
        const url = m.documents?.[domain];
        return url ? [{ deviceId, url: url as AutomergeUrl }] : [];
      }),
    onMembersChanged,
  };
}

/**
 * Saves every document the repo holds in full. Repo.flush() and shutdown() throw on a document still being looked
 * for (a member's document no connected peer has sent yet), so only ready ones are named.
 */
const saveReady = (repo: Repo): Promise<void> =>
  repo.flush(
    Object.values(repo.handles)
      .filter((h) => h.isReady())
      .map((h) => h.documentId),
  );

const hashSecret = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');
