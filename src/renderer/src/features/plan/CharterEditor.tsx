// The staff social-media charter: its text, who alone may speak for the firm, and what staff must not post
// during a crisis, in French and English.
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BilingualField } from './fields';
import { RemovableList, TitledBlock } from './listEditing';
import type { PlanEditorProps } from './planEditing';

export function CharterEditor({ plan, edit }: PlanEditorProps) {
  const { t } = useTranslation();
  const { charter } = plan;
  return (
    <Stack data-testid="plan-charter">
      <Text size="sm" c="dimmed">
        {t('plan.charter.help')}
      </Text>
      <BilingualField label={t('plan.charter.text')} value={charter.text} multiline testId="charter-text" onChange={(text) => edit((p) => void (p.charter.text = text))} />
      <BilingualField
        label={t('plan.charter.spokespeople')}
        value={charter.spokespeople}
        testId="charter-spokespeople"
        onChange={(spokespeople) => edit((p) => void (p.charter.spokespeople = spokespeople))}
      />
      <TitledBlock title={t('plan.charter.mustNotPost')}>
        <RemovableList
          items={charter.mustNotPost}
          renderItem={(rule, r) => (
            <div style={{ flex: 1 }}>
              <BilingualField label={`${r + 1}.`} value={rule} testId={`charter-rule-${r}`} onChange={(next) => edit((p) => void (p.charter.mustNotPost[r] = next))} />
            </div>
          )}
          removeOffset={6}
          onRemove={(r) => edit((p) => void p.charter.mustNotPost.splice(r, 1))}
          addLabel={t('plan.charter.addRule')}
          addTestId="charter-add-rule"
          onAdd={() => edit((p) => void p.charter.mustNotPost.push({ fr: '', en: '' }))}
        />
      </TitledBlock>
    </Stack>
  );
}
