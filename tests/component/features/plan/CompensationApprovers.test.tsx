import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CrisisPlan } from '../../../../src/shared/domain/plan';
import { ApprovalsEditor } from '../../../../src/renderer/src/features/plan/ApprovalsEditor';
import { plan } from '../../support/fixtures';
import { choose } from '../../support/interact';
import { renderInApp, t } from '../../support/render';

describe('The plan’s approval chain of compensation gestures', () => {
  it('starts from the crisis lead and customer service, and takes another role of the plan', async () => {
    let draft: CrisisPlan = plan();
    expect(draft.compensationApprovals).toEqual(['crisisLead', 'customerServiceLead']);
    renderInApp(
      <ApprovalsEditor
        plan={draft}
        edit={(change) => {
          draft = structuredClone(draft);
          change(draft);
        }}
      />,
      { language: 'fr' },
    );
    const field = screen.getByTestId('plan-approvals-compensation');
    expect(screen.getByText(t('compensation.planApprovers'))).toBeTruthy();
    const legal = draft.roles.find((r) => r.id === 'legal')!.name.fr;
    await choose(field, legal);
    expect(draft.compensationApprovals).toEqual(['crisisLead', 'customerServiceLead', 'legal']);
  });
});
