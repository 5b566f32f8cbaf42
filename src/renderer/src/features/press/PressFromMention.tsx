// "Press inquiry from this mention": offered on a post by a journalist or a media outlet, it opens the inquiry form
// of an open incident filled from the post (outlet, journalist, question).
import { Alert, Button, Modal, Select, Stack, Text } from '@mantine/core';
import { IconNews } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRESS_AUTHOR_KINDS } from '../../../../shared/domain/press';
import type { StoredMention } from '../../../../shared/domain/storedMention';
import { useIncident, useIncidentList } from '../../api/hooks/useIncidents';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { useOperator } from '../incidents/useOperator';
import { PressInquiryForm, type InquiryDraft } from './PressInquiryForm';

const QUESTION_MAX = 2000;

const draftOf = (mention: StoredMention): InquiryDraft => ({
  outlet: mention.sourceName ?? mention.sourceLabel,
  person: mention.author.displayName ?? mention.author.handle ?? '',
  channel: mention.sourceKind === 'manual' ? 'phone' : 'social',
  question: (mention.title ? `${mention.title}\n${mention.text}` : mention.text).slice(0, QUESTION_MAX),
  mentionId: mention.id,
});

export function PressFromMention({ mention }: { mention: StoredMention }) {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const [open, setOpen] = useState(false);
  const [incidentId, setIncidentId] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const incidents = (useIncidentList(workspaceId).data ?? []).filter((i) => i.status !== 'closed');
  if (!(PRESS_AUTHOR_KINDS as readonly string[]).includes(mention.author.kind)) return null;
  const chosen = incidentId ?? incidents[0]?.id ?? null;
  return (
    <>
      <Button variant="light" leftSection={<IconNews size={16} />} onClick={() => setOpen(true)} data-testid="press-from-mention">
        {t('press.fromMention.open')}
      </Button>
      {created && (
        <Text size="sm" fw={600} data-testid="press-from-mention-done">
          {t('press.fromMention.created', { title: created })}
        </Text>
      )}
      <Modal opened={open} onClose={() => setOpen(false)} title={t('press.fromMention.open')} size="xl" closeButtonProps={{ 'aria-label': t('app.close') }}>
        <Stack>
          {incidents.length === 0 ? (
            <Alert color="yellow">{t('press.fromMention.noIncident')}</Alert>
          ) : (
            <>
              <Select
                label={t('press.fromMention.incident')}
                data={incidents.map((i) => ({ value: i.id, label: i.title }))}
                value={chosen}
                onChange={setIncidentId}
                allowDeselect={false}
              />
              <Text size="sm" c="dimmed">
                {t('press.form.fromMention', { author: draftOf(mention).person || mention.sourceLabel })}
              </Text>
              {chosen && (
                <IncidentForm
                  key={chosen}
                  incidentId={chosen}
                  draft={draftOf(mention)}
                  onDone={(title) => {
                    setOpen(false);
                    if (title) setCreated(title);
                  }}
                />
              )}
            </>
          )}
        </Stack>
      </Modal>
    </>
  );
}

function IncidentForm({ incidentId, draft, onDone }: { incidentId: string; draft: InquiryDraft; onDone: (title: string | null) => void }) {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const [, , actor] = useOperator(t('incidents.operator.unnamed'));
  const detail = useIncident(workspaceId, incidentId).data;
  if (!detail) return null;
  return <PressInquiryForm detail={detail} actor={actor} initial={draft} onDone={(saved) => onDone(saved ? detail.title : null)} />;
}
