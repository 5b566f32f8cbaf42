// The campaign register: every running or scheduled campaign, who can pause it and how.
import { ActionIcon, Button, Group, Paper, Select, Stack, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { campaignStatusSchema, type CampaignStatus } from '../../../../shared/domain/plan';
import { BilingualField } from './fields';
import { newPlanId, type PlanEditorProps } from './planEditing';

export function CampaignsEditor({ plan, edit }: PlanEditorProps) {
  const { t } = useTranslation();
  return (
    <Stack data-testid="plan-campaigns">
      {plan.campaigns.map((campaign, index) => (
        <Paper withBorder p="md" key={campaign.id}>
          <Stack gap="xs">
            <Group align="flex-end" gap="xs">
              <TextInput
                label={t('plan.fields.name')}
                style={{ flex: 1 }}
                value={campaign.name}
                onChange={(e) => {
                  const name = e.currentTarget.value;
                  edit((p) => void (p.campaigns[index]!.name = name));
                }}
              />
              <Select
                label={t('plan.fields.status')}
                w={160}
                value={campaign.status}
                allowDeselect={false}
                data={campaignStatusSchema.options.map((s) => ({ value: s, label: t(`plan.campaignStatuses.${s}`) }))}
                onChange={(s) => s && edit((p) => void (p.campaigns[index]!.status = s as CampaignStatus))}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                mb={6}
                aria-label={t('plan.remove')}
                onClick={() => edit((p) => void p.campaigns.splice(index, 1))}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
            <Group grow>
              <TextInput
                label={t('plan.fields.channels')}
                value={campaign.channels.join(', ')}
                onChange={(e) => {
                  const channels = e.currentTarget.value.split(',').map((c) => c.trim()).filter(Boolean);
                  edit((p) => void (p.campaigns[index]!.channels = channels));
                }}
              />
              <TextInput
                label={t('plan.fields.ownerContact')}
                value={campaign.owner}
                onChange={(e) => {
                  const owner = e.currentTarget.value;
                  edit((p) => void (p.campaigns[index]!.owner = owner));
                }}
              />
              <TextInput
                label={t('plan.fields.ownerPhone')}
                value={campaign.ownerPhone}
                onChange={(e) => {
                  const phone = e.currentTarget.value;
                  edit((p) => void (p.campaigns[index]!.ownerPhone = phone));
                }}
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
      <Button
        variant="light"
        size="xs"
        w="fit-content"
        leftSection={<IconPlus size={14} />}
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
      >
        {t('plan.add')}
      </Button>
    </Stack>
  );
}
