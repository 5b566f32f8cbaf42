// Every person of a stored plan carries an id, kept across edits (the editor passes it on), so that what names a
// person (an exercise's test destinations, a mobilisation's calls) still finds them after their name is corrected.
// One human who holds several roles (the same name and the same phone) is one person with one id, however the
// entries were typed; two different people never share an id: a copied entry that was then changed gets a new one.
import { randomUUID } from 'node:crypto';
import type { CrisisPlan, Person } from '../../../shared/domain/plan';
import { foldText } from '../../platform/text/foldText';

/** Who an entry is: the name without case or accents, and the phone's digits. */
const humanOf = (person: Person): string => `${foldText(person.name).trim()}\u0000${person.phone.replace(/\D/g, '')}`;

export function withPersonIds(plan: CrisisPlan, newId: () => string = randomUUID): CrisisPlan {
  const idOfHuman = new Map<string, string>();
  const humanOfId = new Map<string, string>();
  const identified = (person: Person): Person => {
    const human = humanOf(person);
    const known = idOfHuman.get(human);
    const id = known ?? (person.id && !humanOfId.has(person.id) ? person.id : newId());
    idOfHuman.set(human, id);
    humanOfId.set(id, human);
    return { ...person, id };
  };
  return { ...plan, roles: plan.roles.map((role) => ({ ...role, holder: role.holder && identified(role.holder), deputies: role.deputies.map(identified) })) };
}
