// The crisis log (main courante) of one incident: new entries and corrections, search and filters,
// verification steps and pins (recorded, never edits), and the chain's integrity check. The log is read a page at
// a time by keyset, so a long log shows a page of entries and every older one stays reachable.
import { useRoleName } from '../../api/hooks/usePlan';
import { Alert, Badge, Button, Checkbox, Group, MultiSelect, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import {
  LOG_ENTRY_KINDS,
  VERIFICATION_MOVES,
  VERIFICATION_STATES,
  type LogEntry,
  type LogEntryKind,
  type VerificationState,
} from '../../../../shared/domain/crisisLog';
import type { Actor } from '../../../../shared/domain/incident';
import { useAppendLogEntry, useCrisisLog, useSetPinned, useSetVerification, useVerifyLog } from '../../api/hooks/useCrisisLog';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { formatDateTime } from '../../i18n/format';
import { formatTime } from './format';
import { useLogEntryText } from '../../i18n/useLogEntryText';
import { LocalDateTimeInput } from '../../components/LocalDateTimeInput';
import { errorMessage } from '../../i18n/errorMessage';
import { KeysetPager, usePageStarts } from '../../components/KeysetPager';

const PAGE = 100;

const HUMAN_KINDS = LOG_ENTRY_KINDS.filter((k) => k !== 'system') as Exclude<LogEntryKind, 'system'>[];
export const verificationColor: Record<VerificationState, string> = {
  to_verify: 'orange',
  being_verified: 'yellow',
  verified: 'green',
  released: 'blue',
};

interface Props {
  /** null: the workspace's general log. */
  readonly incidentId: string | null;
  readonly actor: Actor;
  readonly newEntryRef: RefObject<HTMLTextAreaElement | null>;
  readonly searchRef: RefObject<HTMLInputElement | null>;
}

export function LogTab({ incidentId, actor, newEntryRef, searchRef }: Props) {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text, 250);
  const [kinds, setKinds] = useState<string[]>([]);
  const [states, setStates] = useState<string[]>([]);
  const [pinnedOnly, setPinnedOnly] = useState(false);
  const [withWorkspace, setWithWorkspace] = useState(true);
  const [correcting, setCorrecting] = useState<LogEntry | null>(null);
  const filter = {
    incidentId,
    includeWorkspace: incidentId !== null && withWorkspace,
    text: debounced || undefined,
    kinds: kinds as LogEntryKind[],
    verification: states as VerificationState[],
    pinnedOnly,
  };
  const pages = usePageStarts<{ occurredAt: string; seq: number }>(JSON.stringify(filter));
  const before = pages.current;
  const log = useCrisisLog(workspaceId, { ...filter, limit: PAGE, ...(before ? { before } : {}) });
  const last = log.data?.length === PAGE ? log.data.at(-1) : undefined;
  const verify = useVerifyLog(workspaceId);

  return (
    <Stack data-testid="tab-panel-log">
      <NewEntryForm incidentId={incidentId} actor={actor} textRef={newEntryRef} correcting={correcting} onDone={() => setCorrecting(null)} />
      <Paper withBorder p="sm">
        <Group align="flex-end" wrap="wrap">
          <TextInput
            ref={searchRef}
            label={t('incidents.log.search')}
            placeholder={t('incidents.log.searchPlaceholder')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            data-testid="log-search"
          />
          <MultiSelect
            label={t('incidents.log.filterKind')}
            data={LOG_ENTRY_KINDS.map((k) => ({ value: k, label: t(`incidents.log.kind.${k}`) }))}
            value={kinds}
            onChange={setKinds}
            clearable
            w={240}
          />
          <MultiSelect
            label={t('incidents.log.filterVerification')}
            data={VERIFICATION_STATES.map((s) => ({ value: s, label: t(`incidents.log.verification.${s}`) }))}
            value={states}
            onChange={setStates}
            clearable
            w={240}
          />
          <Checkbox label={t('incidents.log.pinnedOnly')} checked={pinnedOnly} onChange={(e) => setPinnedOnly(e.currentTarget.checked)} mb={8} />
          {incidentId !== null && (
            <Checkbox
              label={t('incidents.log.withWorkspace')}
              checked={withWorkspace}
              onChange={(e) => setWithWorkspace(e.currentTarget.checked)}
              mb={8}
              data-testid="log-with-workspace"
            />
          )}
          <Button variant="default" onClick={() => verify.mutate()} loading={verify.isPending} data-testid="verify-log">
            {t('incidents.log.verify')}
          </Button>
        </Group>
        {verify.data && (
          <Alert
            mt="sm"
            color={verify.data.ok ? 'green' : 'red'}
            data-testid="verify-result"
            title={verify.data.ok ? t('incidents.log.verifyOk', { count: verify.data.checked }) : t('incidents.log.verifyBroken')}
          >
            {verify.data.ok
              ? t('incidents.log.headHash', { hash: verify.data.headHash ?? '—' })
              : t('incidents.log.brokenAt', {
                  seq: verify.data.firstBroken?.seq,
                  reason: t(`incidents.log.reason.${verify.data.firstBroken?.reason ?? 'content_changed'}`),
                })}
          </Alert>
        )}
      </Paper>
      <Stack gap="xs" data-testid="log-entries">
        {(log.data ?? []).map((entry) => (
          <EntryCard key={entry.id} entry={entry} actor={actor} inIncident={incidentId !== null} onCorrect={() => setCorrecting(entry)} />
        ))}
        {log.data?.length === 0 && <Text c="dimmed">{t('incidents.log.empty')}</Text>}
      </Stack>
      <KeysetPager
        pages={pages}
        next={last ? { occurredAt: last.occurredAt, seq: last.seq } : null}
        busy={log.isPlaceholderData}
        labels={{ navigation: t('incidents.log.pages'), back: t('incidents.log.newer'), page: t('incidents.log.page', { page: pages.page }), forward: t('incidents.log.older') }}
        testIds={{ back: 'log-newer', page: 'log-page', forward: 'log-older' }}
      />
    </Stack>
  );
}

function NewEntryForm({
  incidentId,
  actor,
  textRef,
  correcting,
  onDone,
}: {
  incidentId: string | null;
  actor: Actor;
  textRef: RefObject<HTMLTextAreaElement | null>;
  correcting: LogEntry | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const append = useAppendLogEntry(workspaceId);
  const [kind, setKind] = useState<Exclude<LogEntryKind, 'system'>>('information');
  const [body, setBody] = useState('');
  const [source, setSource] = useState('');
  const [occurred, setOccurred] = useState('');
  const [verified, setVerified] = useState(false);
  const [pinned, setPinned] = useState(false);
  const reset = () => {
    setBody('');
    setSource('');
    setOccurred('');
    setVerified(false);
    setPinned(false);
    onDone();
  };
  return (
    <Paper withBorder p="sm">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          append.mutate(
            {
              incidentId,
              kind: correcting && correcting.kind !== 'system' ? correcting.kind : kind,
              body,
              source: source || null,
              occurredAt: occurred ? new Date(occurred).toISOString() : undefined,
              verification: verified ? 'verified' : 'to_verify',
              pinned,
              author: actor.author,
              authorRole: actor.authorRole,
              correctsId: correcting?.id ?? null,
            },
            { onSuccess: reset },
          );
        }}
      >
        <Stack gap="xs">
          <Title order={3} size="h5">
            {correcting ? t('incidents.log.correcting', { seq: correcting.seq }) : t('incidents.log.newEntry')}
          </Title>
          {correcting && (
            <Alert color="yellow" py={6} withCloseButton onClose={onDone} closeButtonLabel={t('incidents.cancel')}>
              <Text size="sm" td="line-through">
                {correcting.body}
              </Text>
            </Alert>
          )}
          <Group align="flex-end" wrap="wrap">
            <Select
              label={t('incidents.log.kindLabel')}
              value={correcting && correcting.kind !== 'system' ? correcting.kind : kind}
              disabled={correcting !== null}
              allowDeselect={false}
              onChange={(v) => v && setKind(v as typeof kind)}
              data={HUMAN_KINDS.map((k) => ({ value: k, label: t(`incidents.log.kind.${k}`) }))}
              w={180}
              data-testid="log-kind"
            />
            <LocalDateTimeInput label={t('incidents.log.occurredAt')} value={occurred} onChange={setOccurred} data-testid="log-occurred" />
            <TextInput label={t('incidents.log.source')} value={source} onChange={(e) => setSource(e.currentTarget.value)} w={240} data-testid="log-source" />
          </Group>
          <Textarea
            ref={textRef}
            label={t('incidents.log.body')}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            autosize
            minRows={2}
            required
            data-testid="log-body"
          />
          <Group justify="space-between">
            <Group>
              <Checkbox label={t('incidents.log.alreadyVerified')} checked={verified} onChange={(e) => setVerified(e.currentTarget.checked)} />
              <Checkbox label={t('incidents.log.pin')} checked={pinned} onChange={(e) => setPinned(e.currentTarget.checked)} />
            </Group>
            <Button type="submit" loading={append.isPending} disabled={body.trim() === ''} data-testid="log-submit">
              {correcting ? t('incidents.log.addCorrection') : t('incidents.log.add')}
            </Button>
          </Group>
          {append.isError && (
            <Text c="red" size="sm" role="alert">
              {errorMessage(append.error, t)}
            </Text>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

function EntryCard({ entry, actor, inIncident, onCorrect }: { entry: LogEntry; actor: Actor; inIncident: boolean; onCorrect: () => void }) {
  const { t, i18n } = useTranslation();
  const roleName = useRoleName(useWorkspaceId());
  const entryText = useLogEntryText();
  const workspaceId = useWorkspaceId();
  const setVerification = useSetVerification(workspaceId);
  const setPinned = useSetPinned(workspaceId);
  const corrected = entry.correctedById !== null;
  const late = entry.enteredAt !== entry.occurredAt;
  return (
    <Paper withBorder p="sm" data-testid={`entry-${entry.seq}`} opacity={corrected ? 0.75 : 1} style={entry.pinned ? { borderLeft: '4px solid var(--mantine-color-yellow-6)' } : undefined}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} style={{ flex: 1 }}>
          <Group gap="xs">
            <Text size="sm" fw={700}>
              #{entry.seq}
            </Text>
            <Badge variant="light" color={entry.kind === 'system' ? 'gray' : 'indigo'}>
              {t(`incidents.log.kind.${entry.kind}`)}
            </Badge>
            <Badge color={verificationColor[entry.verification]} variant="light" data-testid={`entry-${entry.seq}-state`}>
              {t(`incidents.log.verification.${entry.verification}`)}
            </Badge>
            {entry.pinned && (
              <Badge color="yellow" variant="outline">
                {t('incidents.log.pinned')}
              </Badge>
            )}
            {corrected && (
              <Badge color="gray" variant="outline">
                {t('incidents.log.corrected')}
              </Badge>
            )}
            {entry.incidentId === null && inIncident && (
              <Badge color="gray" variant="outline">
                {t('incidents.log.workspaceEntry')}
              </Badge>
            )}
            {entry.correctsId && (
              <Badge color="grape" variant="outline">
                {t('incidents.log.correction')}
              </Badge>
            )}
            {entry.origin?.genuine === false && (
              <Badge color="red" variant="filled" data-testid={`entry-${entry.seq}-not-genuine`}>
                {t('incidents.log.notGenuine')}
              </Badge>
            )}
          </Group>
          <Text td={corrected ? 'line-through' : undefined} style={{ whiteSpace: 'pre-wrap' }}>
            {entryText(entry)}
          </Text>
          <Text size="xs">
            {t('incidents.log.occurred')} {formatDateTime(entry.occurredAt, i18n.language)}
            {late && ` · ${t('incidents.log.entered')} ${formatTime(entry.enteredAt, i18n.language)}`} · {entry.author}
            {entry.origin?.memberName && entry.origin.memberName !== entry.author && ` · ${t('incidents.log.fromLaptop', { name: entry.origin.memberName })}`}
            {entry.authorRole && ` (${roleName(entry.authorRole)})`}
            {entry.source && ` · ${t('incidents.log.source')}${t('incidents.colon')}${entry.source}`}
          </Text>
          {entry.history.length > 0 && (
            <Text size="xs" data-testid={`entry-${entry.seq}-history`}>
              {entry.history
                .map((h) =>
                  h.kind === 'verification'
                    ? `${formatTime(h.at, i18n.language)} ${h.author}${t('incidents.colon')}${t(`incidents.log.verification.${h.verification ?? 'to_verify'}`)}`
                    : `${formatTime(h.at, i18n.language)} ${h.author}${t('incidents.colon')}${h.pinned ? t('incidents.log.pinned') : t('incidents.log.unpinned')}`,
                )
                .join(' · ')}
            </Text>
          )}
        </Stack>
        {entry.kind !== 'system' && (
          <Stack gap={4} align="flex-end">
            {VERIFICATION_MOVES[entry.verification].map((to) => (
              <Button
                key={to}
                size="compact-xs"
                variant="light"
                color={verificationColor[to]}
                onClick={() => setVerification.mutate({ entryId: entry.id, to, actor })}
                data-testid={`entry-${entry.seq}-to-${to}`}
              >
                {t(`incidents.log.moveTo.${to}`)}
              </Button>
            ))}
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => setPinned.mutate({ entryId: entry.id, pinned: !entry.pinned, actor })}
              data-testid={`entry-${entry.seq}-pin`}
            >
              {entry.pinned ? t('incidents.log.unpin') : t('incidents.log.pin')}
            </Button>
            {!corrected && (entry.incidentId !== null || !inIncident) && (
              <Button size="compact-xs" variant="subtle" onClick={onCorrect} data-testid={`entry-${entry.seq}-correct`}>
                {t('incidents.log.correct')}
              </Button>
            )}
          </Stack>
        )}
      </Group>
    </Paper>
  );
}
