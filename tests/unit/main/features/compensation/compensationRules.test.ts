// The approval chain of a compensation case and its totals per currency.
import { describe, expect, it } from 'vitest';
import { chainState, decisionProblem } from '../../../../../src/main/features/compensation/approvalChain';
import { compensationTotals, newCompensationCaseSchema } from '../../../../../src/shared/domain/compensation';

const REQUIRED = ['crisisLead', 'customerServiceLead'];

describe('compensation approval chain', () => {
  it('is approved only once every role the plan names has approved, and stopped by one rejection', () => {
    expect(chainState([], REQUIRED)).toEqual({ status: 'proposed', approvedRoles: [] });
    expect(chainState([{ role: 'crisisLead', decision: 'approved' }], REQUIRED)).toEqual({ status: 'proposed', approvedRoles: ['crisisLead'] });
    expect(
      chainState(
        [
          { role: 'customerServiceLead', decision: 'approved' },
          { role: 'crisisLead', decision: 'approved' },
        ],
        REQUIRED,
      ),
    ).toEqual({ status: 'approved', approvedRoles: REQUIRED });
    expect(chainState([{ role: 'crisisLead', decision: 'approved' }, { role: 'customerServiceLead', decision: 'rejected' }], REQUIRED).status).toBe('rejected');
  });

  it('refuses a person without a role, a role the plan does not name, a role twice and one person in two roles', () => {
    const made = [{ person: 'Léa', role: 'crisisLead' }];
    expect(decisionProblem([], REQUIRED, { person: 'Léa', role: null })).toBe('noRole');
    expect(decisionProblem([], REQUIRED, { person: 'Léa', role: 'legal' })).toBe('wrongRole');
    expect(decisionProblem(made, REQUIRED, { person: 'Marc', role: 'crisisLead' })).toBe('roleDecided');
    expect(decisionProblem(made, REQUIRED, { person: 'Léa', role: 'customerServiceLead' })).toBe('samePerson');
    expect(decisionProblem(made, REQUIRED, { person: 'Marc', role: 'customerServiceLead' })).toBeNull();
  });
});

describe('compensation totals', () => {
  it('adds amounts per currency by stage, exactly, and counts rejections without their amount', () => {
    const totals = compensationTotals([
      { currency: 'EUR', amountMinor: 10, status: 'approved' },
      { currency: 'EUR', amountMinor: 20, status: 'done' },
      { currency: 'CHF', amountMinor: 15_050, status: 'proposed' },
      { currency: 'EUR', amountMinor: 99_999, status: 'rejected' },
      { currency: 'CHF', amountMinor: 4_950, status: 'done' },
    ]);
    expect(totals).toEqual([
      { currency: 'CHF', cases: 2, proposedMinor: 15_050, approvedMinor: 0, doneMinor: 4_950, committedMinor: 4_950, rejected: 0 },
      { currency: 'EUR', cases: 3, proposedMinor: 0, approvedMinor: 10, doneMinor: 20, committedMinor: 30, rejected: 1 },
    ]);
  });

  it('takes amounts with at most two decimals and real ISO 4217 currencies', () => {
    const base = { customer: '@lea', whatHappened: 'Colis perdu', gesture: 'Bon d’achat' };
    expect(newCompensationCaseSchema.parse({ ...base, amount: 0.1 + 0.2, currency: 'chf' })).toMatchObject({ currency: 'CHF' });
    expect(newCompensationCaseSchema.safeParse({ ...base, amount: 12.345, currency: 'EUR' }).success).toBe(false);
    expect(newCompensationCaseSchema.safeParse({ ...base, amount: 12, currency: 'XYZ' }).success).toBe(false);
    expect(newCompensationCaseSchema.safeParse({ ...base, amount: -1, currency: 'EUR' }).success).toBe(false);
  });
});
