// The campaign register: every running or scheduled campaign, who can pause it and how.
import { Group, Paper, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { campaignStatusSchema } from '../../../../shared/domain/plan';
import { BilingualField } from './fields';
import { AddButton, RemoveButton, RequiredSelect, TextField } from './listEditing';
import { newPlanId, type PlanEditorProps } from './planEditing';

export function CampaignsEditor({ plan, edit }: PlanEditorProps) {
  const { t } = useTranslation();
  return (
    <Stack data-testid="plan-campaigns">
      {plan.campaigns.map((campaign, index) => (
        <Paper withBorder p="md" key={campaign.id}>
          <Stack gap="xs">
            <Group align="flex-end" gap="xs">
              <TextField
                label={t('plan.fields.name')}
                style={{ flex: 1 }}
                value={campaign.name}
                onChange={(name) => edit((p) => void (p.campaigns[index]!.name = name))}
              />
              <RequiredSelect
                label={t('plan.fields.status')}
                w={160}
                value={campaign.status}
                data={campaignStatusSchema.options.map((s) => ({ value: s, label: t(`plan.campaignStatuses.${s}`) }))}
                onChange={(s) => edit((p) => void (p.campaigns[index]!.status = s))}
              />
              <RemoveButton mb={6} onClick={() => edit((p) => void p.campaigns.splice(index, 1))} />
            </Group>
            <Group grow>
              <TextField
                label={t('plan.fields.channels')}
                value={campaign.channels.join(', ')}
                onChange={(text) => {
                  const channels = text.split(',').map((c) => c.trim()).filter(Boolean);
                  edit((p) => void (p.campaigns[index]!.channels = channels));
                }}
              />
              <TextField
                label={t('plan.fields.ownerContact')}
                value={campaign.owner}
                onChange={(owner) => edit((p) => void (p.campaigns[index]!.owner = owner))}
              />
              <TextField
                label={t('plan.fields.ownerPhone')}
                value={campaign.ownerPhone}
                onChange={(phone) => edit((p) => void (p.campaigns[index]!.ownerPhone = phone))}
              />
            </Group>
            <BilingualField
              label={t('plan.fields.howToFreeze')}
              value={campaign.howToFreeze}
              onChange={(how) => edit((p) => void (p.campaigns[index]!.howToFreeze = how))}
            />
          </Stack>
        </Paper>
      ))}
      <AddButton
        label={t('plan.add')}
        onClick={() =>
          edit(
            (p) =>
              void p.campaigns.push({
                id: newPlanId('campaign'),
                name: '',
                channels: [],
                status: 'running',
                owner: '',
                ownerPhone: '',
                howToFreeze: { fr: '', en: '' },
              }),
          )
        }
      />
    </Stack>
  );
}
