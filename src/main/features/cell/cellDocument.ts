// The cell document, replicated on every laptop: who the members are, their laptops' keys and addresses, and
// who was removed. Entries are keyed by device id, so laptops editing their own entries never collide.
import type { Member } from '../../../shared/contract/cell';

export interface MemberEntry {
  name: string;
  roles: string[];
  /** The laptop's Ed25519 device key (SPKI PEM): what its signatures are checked against. */
  publicKey: string;
  joinedAt: string;
  addedBy: string;
  /** Set when the laptop was removed; the others refuse its connections from then on. */
  revokedAt: string | null;
  revokedBy: string | null;
  addresses: string[];
  /** The roster person (by name, as the plan spells it) this laptop's member is: where their mobilisations show. */
  person?: string | null;
  /** Set by a relay on its own entry: no person behind it, it keeps and passes on every member's documents. */
  relay?: boolean;
  /** This laptop's document of each shared domain (e.g. its crisis log), by domain name. */
  documents?: Record<string, string>;
}

export interface CellDocument {
  cellId: string;
  members: Record<string, MemberEntry>;
}

export const isRevoked = (doc: CellDocument | undefined, deviceId: string): boolean => doc?.members[deviceId]?.revokedAt != null;

export function membersOf(doc: CellDocument, self: string, online: ReadonlySet<string>): Omit<Member, 'lastContact' | 'waitingChanges'>[] {
  return Object.entries(doc.members)
    .map(([deviceId, m]) => ({
      deviceId,
      name: m.name,
      roles: [...m.roles],
      joinedAt: m.joinedAt,
      revokedAt: m.revokedAt,
      addresses: [...m.addresses],
      personName: m.person ?? null,
      relay: m.relay === true,
      self: deviceId === self,
      online: online.has(deviceId),
    }))
    .sort((a, b) => a.joinedAt.localeCompare(b.joinedAt) || a.deviceId.localeCompare(b.deviceId));
}

/** Addresses of the laptops still in the cell, other than this one: where to dial. */
export const peerAddresses = (doc: CellDocument, self: string): string[] =>
  Object.entries(doc.members)
    .filter(([deviceId, m]) => deviceId !== self && m.revokedAt == null)
    .flatMap(([, m]) => m.addresses);
