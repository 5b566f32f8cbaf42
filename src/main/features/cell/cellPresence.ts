// What this laptop knows of the others, read from automerge-repo's own network and sync events: when it last
// heard each laptop, and which of its changes each laptop is not yet known to hold (the changes after the heads
// the two last agreed on in the sync protocol). Contacts and storage ids are kept in the workspace database, and
// automerge-repo keeps the sync states there too, so a laptop restarted while cut off still knows both.
import * as A from '@automerge/automerge';
import type { DocumentId, PeerId, Repo, StorageId } from '@automerge/automerge-repo';
import { z } from 'zod';
import type { Clock } from '../../platform/clock';
import type { MutualTlsNetwork } from '../../platform/sync/mutualTlsNetwork';

const contactsSchema = z.record(z.string(), z.object({ lastContact: z.string(), storageId: z.string().nullable() }));
export type Contacts = z.infer<typeof contactsSchema>;

export interface ContactStore {
  load(): unknown;
  save(contacts: Contacts): void;
}

export interface Waiting {
  /** Per laptop: how many of this laptop's changes it is not known to hold; null when nothing is known of it. */
  readonly byDevice: ReadonlyMap<string, number | null>;
  /** Changes that at least one of those laptops is known to lack. */
  readonly total: number;
}

export class CellPresence {
  readonly #contacts: Contacts;
  /** Heads agreed with a peer in the current run, per document and storage id; stored sync states fill the rest. */
  readonly #shared = new Map<string, A.Heads>();

  constructor(
    private readonly repo: Repo,
    network: MutualTlsNetwork,
    private readonly clock: Clock,
    private readonly store: ContactStore,
    onChange: () => void,
  ) {
    const stored = contactsSchema.safeParse(store.load());
    this.#contacts = stored.success ? stored.data : {};
    network.on('peer-candidate', ({ peerId, peerMetadata }) => this.#heard(peerId, peerMetadata.storageId ?? null, true));
    network.on('peer-disconnected', ({ peerId }) => this.#heard(peerId, undefined, true));
    network.on('message', (message) => this.#heard(message.senderId, undefined, false));
    // automerge-repo reports every sync state it reaches with a peer; their shared heads are what that peer holds.
    repo.synchronizer.on('sync-state', ({ documentId, peerId, syncState }) => {
      const storageId = this.#contacts[peerId]?.storageId;
      if (!storageId) return;
      this.#shared.set(key(documentId, storageId), [...syncState.sharedHeads]);
      onChange();
    });
  }

  lastContact(deviceId: string): string | null {
    return this.#contacts[deviceId]?.lastContact ?? null;
  }

  /** The last moment any of `deviceIds` was heard from, or null if none ever was. */
  lastContactWithAny(deviceIds: readonly string[]): string | null {
    const times = deviceIds.map((id) => this.lastContact(id)).filter((t): t is string => t !== null);
    return times.length ? times.reduce((a, b) => (a > b ? a : b)) : null;
  }

  async waiting(deviceIds: readonly string[]): Promise<Waiting> {
    const byDevice = new Map<string, number | null>(deviceIds.map((id) => [id, null]));
    const missing = new Set<string>();
    for (const handle of Object.values(this.repo.handles)) {
      if (!handle.isReady()) continue;
      const doc = handle.doc();
      for (const deviceId of deviceIds) {
        const storageId = this.#contacts[deviceId]?.storageId;
        if (!storageId) continue;
        const shared = await this.#sharedHeads(handle.documentId, storageId as StorageId);
        if (!shared) continue;
        const known = shared.filter((head) => A.hasHeads(doc, [head]));
        const lacking = A.getChangesMetaSince(doc, known);
        for (const change of lacking) missing.add(change.hash);
        byDevice.set(deviceId, (byDevice.get(deviceId) ?? 0) + lacking.length);
      }
    }
    return { byDevice, total: missing.size };
  }

  async #sharedHeads(documentId: DocumentId, storageId: StorageId): Promise<A.Heads | undefined> {
    const current = this.#shared.get(key(documentId, storageId));
    if (current) return current;
    const stored = await this.repo.storageSubsystem?.loadSyncState(documentId, storageId);
    return stored ? [...stored.sharedHeads] : undefined;
  }

  #heard(peerId: PeerId, storageId: string | null | undefined, keep: boolean): void {
    const previous = this.#contacts[peerId];
    this.#contacts[peerId] = { lastContact: this.clock.now().toISOString(), storageId: storageId ?? previous?.storageId ?? null };
    // A message comes many times a second while syncing: only the link's opening and closing are written.
    if (keep) this.store.save(this.#contacts);
  }
}

const key = (documentId: DocumentId, storageId: string): string => `${documentId}/${storageId}`;
