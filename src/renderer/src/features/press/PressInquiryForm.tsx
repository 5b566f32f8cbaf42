// Records a journalist's inquiry: from the plan's press contacts or typed in, with the deadline in local time and
// the spokesperson taken from the incident's roster.
import { Alert, Button, Group, Select, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Actor, IncidentDetail } from '../../../../shared/domain/incident';
import { PRESS_CHANNELS, type NewPressInquiry, type PressChannel } from '../../../../shared/domain/press';
import { usePlan } from '../../api/hooks/usePlan';
import { usePressAction } from '../../api/hooks/usePress';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { errorMessage } from '../../i18n/errorMessage';
import { fromLocalInput, toLocalInput } from './localDeadline';

export interface InquiryDraft {
  readonly outlet: string;
  readonly person: string;
  readonly channel: PressChannel;
  readonly question: string;
  readonly mentionId: number | null;
}

const EMPTY: InquiryDraft = { outlet: '', person: '', channel: 'phone', question: '', mentionId: null };
const HOUR = 3_600_000;

interface Props {
  readonly detail: IncidentDetail;
  readonly actor: Actor;
  readonly initial?: InquiryDraft;
  /** Called with true once the inquiry is recorded, false when the person cancels. */
  readonly onDone: (saved: boolean) => void;
}

export function PressInquiryForm({ detail, actor, initial = EMPTY, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'fr' ? 'fr' : 'en';
  const workspaceId = useWorkspaceId();
  const contacts = (usePlan(workspaceId).data?.plan.contacts ?? []).filter((c) => c.category === 'press');
  const create = usePressAction('press:create');
  const [draft, setDraft] = useState(initial);
  const [contactId, setContactId] = useState<string | null>(null);
  const [deadline, setDeadline] = useState(() => toLocalInput(new Date(Date.now() + 2 * HOUR)));
  const [roleId, setRoleId] = useState<string | null>(null);
  const set = (patch: Partial<InquiryDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const deadlineUtc = fromLocalInput(deadline);
  const ready = draft.outlet.trim() && draft.person.trim() && draft.question.trim() && deadlineUtc;

  const pickContact = (id: string | null) => {
    setContactId(id);
    const contact = contacts.find((c) => c.id === id);
    if (contact) set({ outlet: contact.organisation || contact.name, person: contact.name, channel: contact.phone ? 'phone' : 'email' });
  };
  const submit = () => {
    if (!ready) return;
    const holder = detail.roster.find((r) => r.roleId === roleId);
    const inquiry: NewPressInquiry = {
      ...draft,
      deadline: deadlineUtc,
      contactId,
      spokesperson: holder ? { roleId: holder.roleId, person: holder.holder?.name ?? holder.name[language] } : null,
    };
    create.mutate({ workspaceId, incidentId: detail.id, inquiry, actor }, { onSuccess: () => onDone(true) });
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm" data-testid="press-form">
        <Title order={4}>{t('press.form.title')}</Title>
        <Select
          label={t('press.form.addressBook')}
          placeholder={contacts.length === 0 ? t('press.form.addressBookEmpty') : undefined}
          data={contacts.map((c) => ({ value: c.id, label: c.organisation ? `${c.name} — ${c.organisation}` : c.name }))}
          value={contactId}
          onChange={pickContact}
          clearable
          disabled={contacts.length === 0}
          data-testid="press-contact"
        />
        <Group grow align="flex-start">
          <TextInput label={t('press.form.outlet')} value={draft.outlet} onChange={(e) => set({ outlet: e.currentTarget.value })} required data-testid="press-outlet" />
          <TextInput label={t('press.form.person')} value={draft.person} onChange={(e) => set({ person: e.currentTarget.value })} required data-testid="press-person" />
        </Group>
        <Group grow align="flex-start">
          <Select
            label={t('press.form.channel')}
            data={PRESS_CHANNELS.map((c) => ({ value: c, label: t(`press.channels.${c}`) }))}
            value={draft.channel}
            onChange={(v) => v && set({ channel: v as PressChannel })}
            allowDeselect={false}
            data-testid="press-channel"
          />
          <TextInput type="datetime-local" label={t('press.form.deadline')} value={deadline} onChange={(e) => setDeadline(e.currentTarget.value)} required data-testid="press-deadline" />
          <Select
            label={t('press.form.spokesperson')}
            placeholder={t('press.form.noSpokesperson')}
            data={detail.roster.map((r) => ({ value: r.roleId, label: `${r.name[language]}${r.holder ? ` — ${r.holder.name}` : ''}` }))}
            value={roleId}
            onChange={setRoleId}
            clearable
            data-testid="press-spokesperson"
          />
        </Group>
        <Textarea label={t('press.form.question')} value={draft.question} onChange={(e) => set({ question: e.currentTarget.value })} autosize minRows={2} required data-testid="press-question" />
        {create.error && <Alert color="red">{errorMessage(create.error, t)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone(false)}>
            {t('press.form.cancel')}
          </Button>
          <Button type="submit" disabled={!ready} loading={create.isPending} data-testid="press-submit">
            {t('press.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
