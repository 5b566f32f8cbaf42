// Plan identity, the portable file (import/export), the paper fallback kit and the revision history.
import { Anchor, Button, FileButton, Grid, Group, NumberInput, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconDownload, IconFileTypePdf, IconUpload } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { RoleChanges } from '../../../../shared/domain/planRoles';
import type { Language, WorkspaceId } from '../../../../shared/domain/workspace';
import { usePaperKit, usePlanHistory, usePlanRefusals } from '../../api/hooks/usePlan';
import { formatDateTime } from '../../i18n/format';
import { base64ToBytes, downloadFile } from './downloadFile';
import { BilingualField } from './fields';
import type { PlanEditorProps } from './planEditing';

interface OverviewProps extends PlanEditorProps {
  readonly workspaceId: WorkspaceId;
  readonly onExport: () => void;
  readonly onImport: (file: File) => void;
  readonly busy: boolean;
}

export function PlanOverview({ plan, edit, workspaceId, onExport, onImport, busy }: OverviewProps) {
  const { t, i18n } = useTranslation();
  const history = usePlanHistory(workspaceId);
  const refusals = usePlanRefusals(workspaceId);
  const paperKit = usePaperKit(workspaceId);
  const printKit = (language: Language) =>
    paperKit.mutate(language, {
      onSuccess: ({ fileName, pdfBase64 }) => downloadFile(fileName, base64ToBytes(pdfBase64), 'application/pdf'),
    });

  return (
    <Grid>
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Paper withBorder p="md">
          <Stack>
            <Group grow>
              <TextInput
                label={t('plan.fields.organisation')}
                value={plan.metadata.organisation}
                onChange={(e) => {
                  const organisation = e.currentTarget.value;
                  edit((p) => void (p.metadata.organisation = organisation));
                }}
                data-testid="plan-organisation"
              />
              <TextInput
                label={t('plan.fields.version')}
                value={plan.metadata.version}
                onChange={(e) => {
                  const version = e.currentTarget.value;
                  edit((p) => void (p.metadata.version = version));
                }}
              />
            </Group>
            <BilingualField
              label={t('plan.fields.planTitle')}
              value={plan.metadata.title}
              onChange={(title) => edit((p) => void (p.metadata.title = title))}
            />
            <Text size="sm" c="dimmed">
              {t('plan.fields.updatedAt')}: {formatDateTime(plan.metadata.updatedAt, i18n.language)}
            </Text>
            <Group>
              <Button leftSection={<IconDownload size={16} />} variant="light" onClick={onExport} data-testid="plan-export">
                {t('plan.export')}
              </Button>
              <FileButton onChange={(file) => file && onImport(file)} accept="application/json,.json">
                {(props) => (
                  <Button {...props} leftSection={<IconUpload size={16} />} variant="light" loading={busy} data-testid="plan-import">
                    {t('plan.import')}
                  </Button>
                )}
              </FileButton>
            </Group>
          </Stack>
        </Paper>
        <Paper withBorder p="md" mt="md" data-testid="plan-review">
          <Title order={4}>{t('plan.review.title')}</Title>
          <Group align="flex-end" mt="xs">
            {(['intervalDays', 'exerciseIntervalDays'] as const).map((key) => (
              <NumberInput
                key={key}
                label={t(`plan.review.${key}`)}
                min={1}
                max={1095}
                w={200}
                value={plan.review[key]}
                onChange={(value) => typeof value === 'number' && edit((p) => void (p.review[key] = value))}
              />
            ))}
            <Button variant="light" onClick={() => edit((p) => void (p.review.lastReviewedAt = new Date().toISOString()))} data-testid="plan-mark-reviewed">
              {t('plan.review.markReviewed')}
            </Button>
          </Group>
          <Text size="sm" c="dimmed" mt="xs">
            {plan.review.lastReviewedAt ? t('plan.review.lastReviewed', { date: formatDateTime(plan.review.lastReviewedAt, i18n.language) }) : t('plan.review.never')}
          </Text>
        </Paper>
        <Paper withBorder p="md" mt="md">
          <Title order={4}>{t('plan.paperKit')}</Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('plan.paperKitHelp')}
          </Text>
          <Group>
            {(['fr', 'en'] as const).map((language) => (
              <Button
                key={language}
                leftSection={<IconFileTypePdf size={16} />}
                variant="light"
                loading={paperKit.isPending && paperKit.variables === language}
                onClick={() => printKit(language)}
                data-testid={`plan-paper-kit-${language}`}
              >
                {t(language === 'fr' ? 'plan.paperKitFr' : 'plan.paperKitEn')}
              </Button>
            ))}
          </Group>
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Paper withBorder p="md">
          <Title order={4} mb="sm">
            {t('plan.history')}
          </Title>
          <Table verticalSpacing={4} data-testid="plan-history">
            <Table.Tbody>
              {(history.data ?? []).map((entry) => (
                <Table.Tr key={entry.revision} data-testid={`plan-revision-${entry.revision}`}>
                  <Table.Td>#{entry.revision}</Table.Td>
                  <Table.Td>{formatDateTime(entry.savedAt, i18n.language)}</Table.Td>
                  <Table.Td>
                    {t(`plan.origin.${entry.origin}`)}
                    {entry.author && (
                      <Text size="xs" c="dimmed">
                        {t('retex.planHistory.by')} {entry.author}
                      </Text>
                    )}
                    {entry.lesson ? (
                      <Text size="xs" data-testid="plan-revision-lesson">
                        <Anchor href={`#/incidents/${entry.lesson.incidentId}/retex`} size="xs">
                          {t('retex.planHistory.lesson', { incident: entry.lesson.incidentTitle, action: entry.lesson.action })}
                        </Anchor>
                      </Text>
                    ) : (
                      entry.note && <Text size="xs">{entry.note}</Text>
                    )}
                    {entry.cell && entry.cell.paths.length > 0 && (
                      <Text size="xs" c="dimmed" data-testid="plan-revision-paths">
                        {t('plan.cell.changed', { paths: entry.cell.paths.join(', ') })}
                      </Text>
                    )}
                    {entry.roleChanges && (
                      <Text size="xs" data-testid="plan-revision-roles">
                        {roleChangeWords(entry.roleChanges, i18n.language === 'fr' ? 'fr' : 'en', t)}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
        {(refusals.data ?? []).length > 0 && (
          <Paper withBorder p="md" mt="md" data-testid="plan-refusals">
            <Title order={4} mb="sm">
              {t('plan.cell.refusalsTitle')}
            </Title>
            <Stack gap="xs">
              {(refusals.data ?? []).map((refusal) => (
                <div key={refusal.changeId}>
                  <Text size="sm">
                    {formatDateTime(refusal.at, i18n.language)} · {t(refusal.wording.key, refusal.wording.values ?? {})}
                  </Text>
                  {refusal.issues.map((issue, i) => (
                    <Text size="xs" c="dimmed" key={i}>
                      {issue.path}: {issue.wording ? t(issue.wording.key, issue.wording.values ?? {}) : issue.message}
                    </Text>
                  ))}
                </div>
              ))}
            </Stack>
          </Paper>
        )}
      </Grid.Col>
    </Grid>
  );
}

/** The roles a revision added, renamed or removed, in the reader's language. */
function roleChangeWords({ added, renamed, removed }: RoleChanges, lang: 'fr' | 'en', t: TFunction): string {
  return [
    ...added.map((name) => t('plan.roleChanges.added', { name: name[lang] })),
    ...renamed.map(({ from, to }) => t('plan.roleChanges.renamed', { from: from[lang], to: to[lang] })),
    ...removed.map((name) => t('plan.roleChanges.removed', { name: name[lang] })),
  ].join(' · ');
}
