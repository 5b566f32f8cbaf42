// What a shared domain (the crisis log first) gets from the cell for one workspace: the cell's automerge-repo, this
// laptop's device identity, the members' public keys, and one document per domain and laptop, registered in the
// cell document under the laptop's own member entry (each laptop writes only its own entry, so they never collide).
import type { AutomergeUrl, DocHandle, Patch, Repo } from '@automerge/automerge-repo';
import type { Logger } from '../logger';

export interface CellMemberKey {
  readonly name: string;
  /** The laptop's Ed25519 device key, SPKI PEM. */
  readonly publicKeyPem: string;
}

export interface SharedDomainContext {
  readonly workspaceId: string;
  readonly deviceId: string;
  readonly repo: Repo;
  /** Ed25519 signature of `data` by this laptop's device key. */
  sign(data: Buffer): Buffer;
  member(deviceId: string): CellMemberKey | undefined;
  /** The laptops still in the cell, with the roster person each member said they are (null: none picked). */
  members(): { deviceId: string; name: string; person: string | null }[];
  /** This laptop's document for `domain`, made with `initial` and registered in the cell document on first use. */
  ownDocument<T>(domain: string, initial: () => T): Promise<DocHandle<T>>;
  /** Every member's document for `domain`, this laptop's included, removed laptops too (what they wrote stays). */
  memberDocuments(domain: string): { deviceId: string; url: AutomergeUrl }[];
  /** Called after each change of the cell document (a member joined, registered a document, was removed). */
  onMembersChanged(listener: () => void): void;
}

export interface SharedDomain {
  attach(context: SharedDomainContext): Promise<void>;
  /** The workspace's cell session is over (core closing): stop using its repo. */
  detach(workspaceId: string): void;
}

/** A member's document for one domain, with the laptop that writes it; no handle while automerge-repo looks for it. */
export interface MemberDocument<T> {
  readonly deviceId: string;
  readonly handle: DocHandle<T> | null;
}

export interface MemberDocumentWatch<T> {
  /** The domain's cell session is over: documents listed or found from then on are left alone. */
  closed(): boolean;
  /** A member's document is in hand (ready, or unavailable until a connected peer sends it); once per document, before it is read. */
  found?(handle: DocHandle<T>, deviceId: string): void;
  /**
   * A member's document as it now stands: once when it is found ready (`patches` null), then after each change with
   * that change's patches. `doc` is the change's own document, never the handle's: the first content a peer sends for
   * a document held as unavailable comes as a change before the handle is ready, and asking the handle then throws
   * ("DocHandle is not ready") inside automerge-repo, which leaves the handle never ready.
   */
  read(doc: T, handle: DocHandle<T>, deviceId: string, patches: readonly Patch[] | null): void;
}

/**
 * Follows every member's document for `domain`, the ones listed now and those registered later, keeping them by URL
 * in `followed` (for a domain that reads them all again later), and hands `watch` each document to read. A document
 * not found is dropped, and looked for again on the next change of the members.
 */
export function followMemberDocuments<T>(
  context: SharedDomainContext,
  domain: string,
  watch: MemberDocumentWatch<T>,
  logger: Pick<Logger, 'warn'>,
  followed = new Map<string, MemberDocument<T>>(),
): void {
  const follow = (): void => {
    if (watch.closed()) return;
    for (const { deviceId, url } of context.memberDocuments(domain)) {
      if (followed.has(url)) continue;
      followed.set(url, { deviceId, handle: null });
      // A document no connected peer has yet is kept "unavailable" and becomes ready when one sends it.
      context.repo.find<T>(url, { allowableStates: ['ready', 'unavailable'] }).then(
        (handle) => {
          if (watch.closed()) return;
          followed.set(url, { deviceId, handle });
          watch.found?.(handle, deviceId);
          handle.on('change', ({ doc, patches }) => watch.read(doc, handle, deviceId, patches));
          if (handle.isReady()) watch.read(handle.doc(), handle, deviceId, null);
        },
        (error: unknown) => {
          followed.delete(url);
          logger.warn('shared domain: member document not found', { domain, url, error: String(error) });
        },
      );
    }
  };
  context.onMembersChanged(follow);
  follow();
}
