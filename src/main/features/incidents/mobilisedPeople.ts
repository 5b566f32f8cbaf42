// A mobilisation calls each role, and one person may hold several: these read the calls person by person, so the
// person is counted, listed and acknowledged once with all their roles.
import type { MobilisedPerson } from '../../../shared/domain/incident';
import type { LocalizedName, RoleId } from '../../../shared/domain/plan';
import type { CallRow } from './incidentRepository';

/** The calls that reached the same person as `call` (itself included); a call without a person id stands alone. */
export function callsOfSamePerson<C extends Pick<CallRow, 'roleId' | 'personId'>>(calls: readonly C[], call: C): C[] {
  return call.personId === null ? [call] : calls.filter((c) => c.personId === call.personId);
}

/** One entry per person, in the order of their first role; alerted when first called, acknowledged when all are. */
export function mobilisedPeople(calls: readonly CallRow[]): MobilisedPerson[] {
  const people: MobilisedPerson[] = [];
  const byId = new Map<string, MobilisedPerson>();
  for (const c of calls) {
    const known = c.personId === null ? undefined : byId.get(c.personId);
    if (known) {
      known.roleIds.push(c.roleId as RoleId);
      if (Date.parse(c.alertedAt) < Date.parse(known.alertedAt)) known.alertedAt = c.alertedAt;
      if (c.acknowledgedAt === null || (known.acknowledgedAt !== null && Date.parse(c.acknowledgedAt) > Date.parse(known.acknowledgedAt))) {
        known.acknowledgedAt = c.acknowledgedAt;
      }
      continue;
    }
    const person = { personId: c.personId, personName: c.personName, phone: c.phone, roleIds: [c.roleId as RoleId], alertedAt: c.alertedAt, acknowledgedAt: c.acknowledgedAt };
    people.push(person);
    if (c.personId !== null) byId.set(c.personId, person);
  }
  return people;
}

/** Several role names as one phrase in each language ("Décideur et Responsable de crise"). */
export function roleNamesOf(names: readonly LocalizedName[]): LocalizedName {
  const join = (language: 'fr' | 'en') => new Intl.ListFormat(language, { type: 'conjunction' }).format(names.map((n) => n[language]));
  return { fr: join('fr'), en: join('en') };
}
