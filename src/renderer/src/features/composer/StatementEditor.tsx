// The FR/EN twins edited side by side, with live draft check, per-channel counters and the checklist.
import { Badge, Button, Chip, Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, type Channel } from '../../../../shared/composer/channels';
import { createDraftChecker } from '../../../../shared/composer/draftCheck';
import type { Statement, StatementContent } from '../../../../shared/domain/statement';
import type { WorkspaceId } from '../../../../shared/domain/workspace';
import { useDraftRules, useStatementAction, useUnverifiedFacts } from '../../api/hooks/useComposer';
import { useOperator } from '../incidents/useOperator';
import { HoldingChecklist } from './HoldingChecklist';
import { approvalColor } from './labels';
import { TwinEditor } from './TwinEditor';
import { usePostShape } from './usePostShape';
import { VariantsEditor } from './VariantsEditor';
import { errorMessage } from '../../i18n/errorMessage';

export function StatementEditor({ workspaceId, statement }: { workspaceId: WorkspaceId; statement: Statement }) {
  const { t } = useTranslation();
  const rules = useDraftRules();
  const unverified = useUnverifiedFacts(workspaceId, statement.incidentId);
  const [, , actor] = useOperator(t('composer.someone'));
  const update = useStatementAction('composer:update');
  const shape = usePostShape(workspaceId);
  const [draft, setDraft] = useState<StatementContent>({
    title: statement.title,
    textFr: statement.textFr,
    textEn: statement.textEn,
    channels: statement.channels,
    variants: statement.variants,
  });
  const checkers = useMemo(
    () => (rules.data ? { fr: createDraftChecker(rules.data.fr), en: createDraftChecker(rules.data.en) } : undefined),
    [rules.data],
  );
  const facts = useMemo(() => unverified.data ?? [], [unverified.data]);
  const flagsFr = useMemo(() => checkers?.fr.check(draft.textFr, facts, statement.kind) ?? [], [checkers, draft.textFr, facts, statement.kind]);
  const flagsEn = useMemo(() => checkers?.en.check(draft.textEn, facts, statement.kind) ?? [], [checkers, draft.textEn, facts, statement.kind]);
  const dirty =
    draft.title !== statement.title ||
    draft.textFr !== statement.textFr ||
    draft.textEn !== statement.textEn ||
    draft.channels.join() !== statement.channels.join() ||
    JSON.stringify(draft.variants) !== JSON.stringify(statement.variants);

  const save = (): void =>
    update.mutate({ workspaceId, statementId: statement.id, expectedRevision: statement.revision, patch: draft, author: actor.author });

  return (
    <Paper withBorder p="md">
      <Stack>
        <Group justify="space-between" align="flex-end">
          <TextInput
            label={t('composer.fields.title')}
            value={draft.title}
            onChange={(e) => setDraft({ ...draft, title: e.currentTarget.value })}
            style={{ flex: 1 }}
          />
          <Badge size="lg" variant="light">
            {t(`composer.kinds.${statement.kind}`)}
          </Badge>
          <Badge size="lg" color={approvalColor[statement.approvalState]} data-testid="composer-approval-state">
            {t(`composer.states.${statement.approvalState}`)}
          </Badge>
        </Group>
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t('composer.fields.channels')}
          </Text>
          <Chip.Group multiple value={draft.channels} onChange={(v) => setDraft({ ...draft, channels: CHANNELS.filter((c) => v.includes(c)) as Channel[] })}>
            <Group gap="xs">
              {CHANNELS.map((c) => (
                <Chip key={c} value={c} size="sm" data-testid={`composer-channel-${c}`}>
                  {t(`composer.channels.${c}`)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </div>
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          <TwinEditor language="fr" value={draft.textFr} onChange={(textFr) => setDraft({ ...draft, textFr })} channels={draft.channels} shape={shape} flags={flagsFr} />
          <TwinEditor language="en" value={draft.textEn} onChange={(textEn) => setDraft({ ...draft, textEn })} channels={draft.channels} shape={shape} flags={flagsEn} />
        </SimpleGrid>
        <VariantsEditor
          channels={draft.channels}
          variants={draft.variants}
          main={{ fr: draft.textFr, en: draft.textEn }}
          shape={shape}
          onChange={(variants) => setDraft({ ...draft, variants })}
        />
        {statement.kind === 'holding' && <HoldingChecklist flags={[...flagsFr, ...flagsEn]} />}
        <Group justify="flex-end">
          {dirty && (
            <Text c="orange" size="sm">
              {t('composer.unsaved')}
            </Text>
          )}
          <Button onClick={save} disabled={!dirty || draft.title.trim() === ''} loading={update.isPending} data-testid="composer-save">
            {t('composer.save')}
          </Button>
        </Group>
        {update.error && <Text c="red">{errorMessage(update.error, t)}</Text>}
      </Stack>
    </Paper>
  );
}
