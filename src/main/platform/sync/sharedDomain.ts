// What a shared domain (the crisis log first) gets from the cell for one workspace: the cell's automerge-repo, this
// laptop's device identity, the members' public keys, and one document per domain and laptop, registered in the
// cell document under the laptop's own member entry (each laptop writes only its own entry, so they never collide).
import type { AutomergeUrl, DocHandle, Repo } from '@automerge/automerge-repo';

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
