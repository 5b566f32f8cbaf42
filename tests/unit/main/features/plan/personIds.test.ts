// People of a stored plan keep their ids across edits; a new entry, or a copied one changed into someone else, gets
// its own; one human entered in two roles, with or without the id, is one person.
import { describe, expect, it } from 'vitest';
import { withPersonIds } from '../../../../../src/main/features/plan/personIds';
import { loadDefaultPlan } from '../../../../../src/main/features/plan/defaultPlan';

describe('person ids of a plan', () => {
  it('keeps the ids it has, gives the others new ones, and never lets two different people share one', () => {
    const plan = loadDefaultPlan();
    let n = 0;
    const first = withPersonIds(plan, () => `p${++n}`);
    const people = first.roles.flatMap((r) => [...(r.holder ? [r.holder] : []), ...r.deputies]);
    expect(new Set(people.map((p) => p.id)).size).toBe(people.length);

    const edited = structuredClone(first);
    edited.roles[0]!.holder!.name = 'Nom corrigé';
    const copied = structuredClone(edited.roles[0]!.holder!);
    copied.name = 'Quelqu’un d’autre';
    copied.phone = '+41790000999';
    edited.roles[1]!.deputies.push(copied);
    edited.roles[2]!.deputies.push({ name: 'Nouvelle', title: '', phone: '+41790000000', altPhone: '', email: '' });
    const again = withPersonIds(edited, () => `p${++n}`);
    expect(again.roles[0]!.holder!.id).toBe(first.roles[0]!.holder!.id);
    expect(again.roles[0]!.holder!.name).toBe('Nom corrigé');
    expect(again.roles[1]!.deputies.at(-1)!.id).not.toBe(first.roles[0]!.holder!.id);
    expect(again.roles[2]!.deputies.at(-1)!.id).toMatch(/^p\d+$/);
    const all = again.roles.flatMap((r) => [...(r.holder ? [r.holder] : []), ...r.deputies]);
    expect(new Set(all.map((p) => p.id)).size).toBe(all.length);
  });

  it('gives one human holding two roles one id, whether the entry carries it or was typed again', () => {
    let n = 0;
    const plan = withPersonIds(loadDefaultPlan(), () => `p${++n}`);
    const edited = structuredClone(plan);
    const holder = edited.roles[0]!.holder!;
    edited.roles[1]!.holder = structuredClone(holder);
    const { id: _id, ...typedAgain } = holder;
    edited.roles[2]!.deputies = [{ ...typedAgain, name: holder.name.toUpperCase(), phone: holder.phone.replace(/^\+/, '+ ') }];
    const again = withPersonIds(edited, () => `p${++n}`);
    expect(again.roles[1]!.holder!.id).toBe(holder.id);
    expect(again.roles[2]!.deputies[0]!.id).toBe(holder.id);
    // Two entries that carried different ids for the one human: the second takes the first's.
    const split = structuredClone(again);
    split.roles[1]!.holder!.id = 'other-id';
    expect(withPersonIds(split, () => `p${++n}`).roles[1]!.holder!.id).toBe(holder.id);
  });
});
