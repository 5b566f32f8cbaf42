// Every person of a stored plan carries an id, kept across edits (the editor passes it on), so that what names a
// person (an exercise's test destinations) still finds them after their name is corrected. Two people of one
// plan never share an id: a copied entry gets a new one.
import { randomUUID } from 'node:crypto';
import type { CrisisPlan, Person } from '../../../shared/domain/plan';

export function withPersonIds(plan: CrisisPlan, newId: () => string = randomUUID): CrisisPlan {
  const seen = new Set<string>();
  const identified = (person: Person): Person => {
    const id = person.id && !seen.has(person.id) ? person.id : newId();
    seen.add(id);
    return { ...person, id };
  };
  return { ...plan, roles: plan.roles.map((role) => ({ ...role, holder: role.holder && identified(role.holder), deputies: role.deputies.map(identified) })) };
}
