// The crisis plan area: an editor over a draft of the stored plan, saved as a new revision.
import { Alert, Badge, Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState, type ComponentType } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { AppFailure } from '../../../../shared/contract/envelope';
import type { StoredPlan } from '../../../../shared/contract/plan';
import type { CrisisPlan } from '../../../../shared/domain/plan';
import { useExportPlan, useImportPlan, usePlan, useSavePlan } from '../../api/hooks/usePlan';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { QueryState } from '../../components/QueryState';
import { formatDateTime } from '../../i18n/format';
import { issueTexts } from '../../i18n/errorMessage';
import { CampaignsEditor } from './CampaignsEditor';
import { CharterEditor } from './CharterEditor';
import { ContactsEditor } from './ContactsEditor';
import { downloadFile } from './downloadFile';
import { IssueList } from '../../components/IssueList';
import { PlanOverview } from './PlanOverview';
import type { EditPlan, PlanEditorProps } from './planEditing';
import { ObligationsEditor } from './ObligationsEditor';
import { PlaybooksEditor } from './PlaybooksEditor';
import { ApprovalsEditor } from './ApprovalsEditor';
import { RolesEditor } from './RolesEditor';
import { ScenariosEditor } from './ScenariosEditor';
import { TemplatesEditor } from './TemplatesEditor';
import { ThresholdsEditor } from './ThresholdsEditor';
import { ReadinessPanel } from './ReadinessPanel';

/** The editing tabs after the overview, each one editor over the same draft. */
const EDITORS: Record<
  'roles' | 'approvals' | 'scenarios' | 'playbooks' | 'templates' | 'thresholds' | 'obligations' | 'contacts' | 'campaigns' | 'charter',
  ComponentType<PlanEditorProps>
> = {
  roles: RolesEditor,
  approvals: ApprovalsEditor,
  scenarios: ScenariosEditor,
  playbooks: PlaybooksEditor,
  templates: TemplatesEditor,
  thresholds: ThresholdsEditor,
  obligations: ObligationsEditor,
  contacts: ContactsEditor,
  campaigns: CampaignsEditor,
  charter: CharterEditor,
};
const TABS = ['overview', 'readiness', ...Object.keys(EDITORS)] as const;

export function PlanScreen() {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const plan = usePlan(workspaceId);
  return (
    <Stack data-testid="screen-plan">
      <div>
        <Title order={2}>{t('plan.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('plan.subtitle')}
        </Text>
      </div>
      {/* Keyed by workspace: switching the window to an exercise must not carry a half-edited live draft. */}
      <QueryState query={plan}>{(stored) => <PlanEditor key={workspaceId} stored={stored} />}</QueryState>
    </Stack>
  );
}

interface IssueReport {
  readonly title: string;
  readonly issues: readonly { path: string; message: string }[];
}

function reportOf(error: unknown, t: TFunction, title: (count: number) => string, stripPrefix: string): IssueReport | undefined {
  if (!(error instanceof AppFailure)) return undefined;
  const issues = issueTexts(error, t).map((issue) => ({
    ...issue,
    path: issue.path.startsWith(stripPrefix) ? issue.path.slice(stripPrefix.length) : issue.path,
  }));
  return { title: title(issues.length), issues };
}

function PlanEditor({ stored }: { stored: StoredPlan }) {
  const { t, i18n } = useTranslation();
  const workspaceId = useWorkspaceId();
  const [draft, setDraft] = useState<CrisisPlan>(stored.plan);
  const [dirty, setDirty] = useState(false);
  const [report, setReport] = useState<IssueReport>();
  const [tab, setTab] = useState<string>('overview');
  const save = useSavePlan(workspaceId);
  const importPlan = useImportPlan(workspaceId);
  const exportPlan = useExportPlan(workspaceId);

  // A revision saved elsewhere replaces the draft unless the person is in the middle of editing.
  useEffect(() => {
    if (!dirty) setDraft(stored.plan);
  }, [stored, dirty]);

  const edit: EditPlan = (change) => {
    setDraft((previous) => {
      const next = structuredClone(previous);
      change(next);
      return next;
    });
    setDirty(true);
  };

  const onSave = () =>
    save.mutate(
      { baseRevision: stored.revision, plan: draft },
      {
        onSuccess: () => {
          setDirty(false);
          setReport(undefined);
          notifications.show({ message: t('plan.saved'), color: 'green' });
        },
        onError: (error) => setReport(reportOf(error, t, (count) => t('plan.issuesTitle', { count }), 'plan.')),
      },
    );

  const onImport = async (file: File) => {
    if (dirty && !window.confirm(t('plan.importConfirm'))) return;
    const content = await file.text();
    importPlan.mutate(content, {
      onSuccess: () => {
        setDirty(false);
        setReport(undefined);
        notifications.show({ message: t('plan.imported'), color: 'green' });
      },
      onError: (error) =>
        setReport(reportOf(error, t, (count) => t('plan.issuesImportTitle', { count, file: file.name }), '')),
    });
  };

  const onExport = () =>
    exportPlan.mutate(undefined, {
      onSuccess: ({ fileName, content }) => downloadFile(fileName, content, 'application/json'),
    });

  return (
    <Stack>
      <Group justify="space-between">
        <Group gap="sm">
          <Text size="sm" c="dimmed" data-testid="plan-revision">
            {t('plan.revision', {
              revision: stored.revision,
              date: formatDateTime(stored.savedAt, i18n.language),
              origin: t(`plan.origin.${stored.origin}`),
            })}
          </Text>
          {stored.origin === 'default' && (
            <Badge color="#a8390b" size="lg" data-testid="plan-sample-badge">
              {t('plan.sampleBadge')}
            </Badge>
          )}
          {dirty && (
            <Badge color="yellow" c="black">
              {t('plan.unsaved')}
            </Badge>
          )}
        </Group>
        <Group gap="xs">
          <Button
            variant="default"
            disabled={!dirty}
            onClick={() => {
              setDraft(stored.plan);
              setDirty(false);
              setReport(undefined);
            }}
          >
            {t('plan.discard')}
          </Button>
          <Button disabled={!dirty} loading={save.isPending} onClick={onSave} data-testid="plan-save">
            {t('plan.save')}
          </Button>
        </Group>
      </Group>
      {stored.origin === 'default' && (
        <Alert color="orange" data-testid="plan-sample-notice">
          {t('plan.sampleNotice')}
        </Alert>
      )}
      {report && <IssueList title={report.title} issues={report.issues} testId="plan-issues" />}
      <Tabs value={tab} onChange={(next) => next && setTab(next)} keepMounted={false}>
        <Tabs.List>
          {TABS.map((id) => (
            <Tabs.Tab key={id} value={id} data-testid={`plan-tab-${id}`}>
              {t(`plan.tabs.${id}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <PlanOverview
            plan={draft}
            edit={edit}
            workspaceId={workspaceId}
            onExport={onExport}
            onImport={(file) => void onImport(file)}
            busy={importPlan.isPending}
          />
        </Tabs.Panel>
        <Tabs.Panel value="readiness" pt="md">
          <ReadinessPanel plan={draft} workspaceId={workspaceId} dirty={dirty} onOpenTab={setTab} />
        </Tabs.Panel>
        {Object.entries(EDITORS).map(([editorTab, Editor]) => (
          <Tabs.Panel key={editorTab} value={editorTab} pt="md">
            <Editor plan={draft} edit={edit} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
