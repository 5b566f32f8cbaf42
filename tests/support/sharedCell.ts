// A cell in one process for the shared domains' tests: every laptop's context shares one automerge-repo, so each
// laptop's document is the others' at once, and the test edits the members and their documents by hand.
import { generateKeyPairSync, sign } from 'node:crypto';
import { Repo, type AutomergeUrl, type DocHandle } from '@automerge/automerge-repo';
import type { SharedDomainContext } from '../../src/main/platform/sync/sharedDomain';

export interface SharedCell {
  readonly repo: Repo;
  /** The members' keys by device, and the roster person each picked (none when absent). */
  readonly members: Map<string, { name: string; publicKeyPem: string; person?: string | null }>;
  /** Each laptop's one document, by device: the test looks at them whatever the domain. */
  readonly documents: Map<string, AutomergeUrl>;
}

export const sharedCell = (): SharedCell => ({ repo: new Repo({ network: [] }), members: new Map(), documents: new Map() });

/** The 32-character device id of the cell's `index`-th laptop. */
export const deviceIdOf = (index: number): string => String(index + 1).repeat(32);

/**
 * Makes `deviceId` a member named `name`, with a fresh device key, and returns its context. Members-changed listeners
 * go into `listeners`; `sees` picks the members whose documents it is given (all of them unless said).
 */
export function memberContext(
  cell: SharedCell,
  deviceId: string,
  name: string,
  listeners: (() => void)[],
  sees: (deviceId: string) => boolean = () => true,
): SharedDomainContext {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  cell.members.set(deviceId, { name, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), person: null });
  return {
    workspaceId: 'live',
    deviceId,
    repo: cell.repo,
    sign: (data) => sign(null, data, privateKey),
    member: (id) => cell.members.get(id),
    members: () => [...cell.members].map(([id, m]) => ({ deviceId: id, name: m.name, person: m.person ?? null })),
    async ownDocument<T>(_domain: string, initial: () => T): Promise<DocHandle<T>> {
      const url = cell.documents.get(deviceId);
      if (url) return cell.repo.find<T>(url);
      const handle = cell.repo.create<T>(initial());
      cell.documents.set(deviceId, handle.url);
      return handle;
    },
    memberDocuments: () => [...cell.documents].filter(([id]) => sees(id)).map(([id, url]) => ({ deviceId: id, url })),
    onMembersChanged: (listener) => listeners.push(listener),
  };
}
