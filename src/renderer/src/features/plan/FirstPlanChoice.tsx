// First start on a fresh data folder: the live workspace asks whether its plan starts from the sample company's
// or from an empty one. Asked in a dialog at once; closed unanswered, a banner keeps the question open.
import { Alert, Button, Group, Modal, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIVE_WORKSPACE_ID } from '../../../../shared/domain/workspace';
import { useChooseFirstPlan, usePlanFirstStart } from '../../api/hooks/usePlan';
import { useWorkspaceId } from '../../app/WorkspaceContext';

export function FirstPlanChoice() {
  const workspaceId = useWorkspaceId();
  const firstStart = usePlanFirstStart(LIVE_WORKSPACE_ID);
  const [closed, setClosed] = useState(false);
  if (workspaceId !== LIVE_WORKSPACE_ID || !firstStart.data?.pending) return null;
  return (
    <>
      <FirstPlanBanner onOpen={() => setClosed(false)} />
      <FirstPlanDialog opened={!closed} onClose={() => setClosed(true)} />
    </>
  );
}

function FirstPlanBanner({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="blue" mb="md" data-testid="first-plan-banner">
      <Group justify="space-between">
        <Text size="sm">{t('plan.start.banner')}</Text>
        <Button size="xs" onClick={onOpen} data-testid="first-plan-open">
          {t('plan.start.choose')}
        </Button>
      </Group>
    </Alert>
  );
}

function FirstPlanDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const choose = useChooseFirstPlan(LIVE_WORKSPACE_ID);
  const [organisation, setOrganisation] = useState('');
  return (
    <Modal opened={opened} onClose={onClose} title={t('plan.start.title')} size="xl" closeButtonProps={{ 'aria-label': t('app.close') }}>
      <Stack>
        <Text size="sm">{t('plan.start.help')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Paper withBorder p="md">
            <Stack>
              <Title order={4}>{t('plan.start.sample')}</Title>
              <Text size="sm" c="dimmed">
                {t('plan.start.sampleHelp')}
              </Text>
              <Button
                variant="light"
                loading={choose.isPending && choose.variables?.choice === 'sample'}
                onClick={() => choose.mutate({ choice: 'sample' })}
                data-testid="first-plan-sample"
              >
                {t('plan.start.sample')}
              </Button>
            </Stack>
          </Paper>
          <Paper withBorder p="md">
            <Stack>
              <Title order={4}>{t('plan.start.empty')}</Title>
              <Text size="sm" c="dimmed">
                {t('plan.start.emptyHelp')}
              </Text>
              <TextInput
                label={t('plan.start.organisation')}
                value={organisation}
                onChange={(e) => setOrganisation(e.currentTarget.value)}
                data-testid="first-plan-organisation"
              />
              <Button
                disabled={organisation.trim() === ''}
                loading={choose.isPending && choose.variables?.choice === 'empty'}
                onClick={() => choose.mutate({ choice: 'empty', organisation })}
                data-testid="first-plan-empty"
              >
                {t('plan.start.empty')}
              </Button>
            </Stack>
          </Paper>
        </SimpleGrid>
      </Stack>
    </Modal>
  );
}
