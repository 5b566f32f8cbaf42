// People of a stored plan keep their ids across edits; a new entry, or a copied one sharing another's id, gets its own.
import { describe, expect, it } from 'vitest';
import { withPersonIds } from '../../../../../src/main/features/plan/personIds';
import { loadDefaultPlan } from '../../../../../src/main/features/plan/defaultPlan';

describe('person ids of a plan', () => {
  it('keeps the ids it has, gives the others new ones, and never lets two entries share one', () => {
    const plan = loadDefaultPlan();
    let n = 0;
    const first = withPersonIds(plan, () => `p${++n}`);
    const people = first.roles.flatMap((r) => [...(r.holder ? [r.holder] : []), ...r.deputies]);
    expect(new Set(people.map((p) => p.id)).size).toBe(people.length);

    const edited = structuredClone(first);
    edited.roles[0]!.holder!.name = 'Nom corrigé';
    edited.roles[1]!.deputies.push(structuredClone(edited.roles[0]!.holder!));
    edited.roles[2]!.deputies.push({ name: 'Nouvelle', title: '', phone: '+41790000000', altPhone: '', email: '' });
    const again = withPersonIds(edited, () => `p${++n}`);
    expect(again.roles[0]!.holder!.id).toBe(first.roles[0]!.holder!.id);
    expect(again.roles[0]!.holder!.name).toBe('Nom corrigé');
    expect(again.roles[1]!.deputies.at(-1)!.id).not.toBe(first.roles[0]!.holder!.id);
    expect(again.roles[2]!.deputies.at(-1)!.id).toMatch(/^p\d+$/);
    const all = again.roles.flatMap((r) => [...(r.holder ? [r.holder] : []), ...r.deputies]);
    expect(new Set(all.map((p) => p.id)).size).toBe(all.length);
  });
});
