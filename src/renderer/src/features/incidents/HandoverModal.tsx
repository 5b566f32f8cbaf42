// Handing a role over: to a deputy from the plan or to someone else; the outgoing period stays in history.
import { Button, Group, Modal, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Actor, RosterRole } from '../../../../shared/domain/incident';
import type { Person } from '../../../../shared/domain/plan';
import { useIncidentAction } from '../../api/hooks/useIncidents';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { errorMessage } from '../../i18n/errorMessage';

interface Props {
  readonly incidentId: string;
  readonly role: RosterRole;
  readonly actor: Actor;
  readonly onClose: () => void;
}

export function HandoverModal({ incidentId, role, actor, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'fr' ? 'fr' : 'en';
  const workspaceId = useWorkspaceId();
  const handover = useIncidentAction('incidents:handover');
  const [choice, setChoice] = useState(role.deputies.length > 0 ? '0' : 'other');
  const [other, setOther] = useState({ name: '', phone: '', title: '' });
  const [note, setNote] = useState('');
  const to: Person | undefined =
    choice === 'other'
      ? { name: other.name, phone: other.phone, title: other.title, altPhone: '', email: '' }
      : role.deputies[Number(choice)];

  return (
    <Modal opened onClose={onClose} title={`${t('incidents.roster.handover')} — ${role.name[lang]}`} closeButtonProps={{ 'aria-label': t('incidents.cancel') }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (to) handover.mutate({ workspaceId, incidentId, roleId: role.roleId, to, note, actor }, { onSuccess: onClose });
        }}
      >
        <Stack>
          <Radio.Group label={t('incidents.roster.handoverTo')} value={choice} onChange={setChoice}>
            <Stack gap="xs" mt="xs">
              {role.deputies.map((d, i) => (
                <Radio key={i} value={String(i)} label={`${d.name} — ${d.phone}`} data-testid={`handover-deputy-${i}`} />
              ))}
              <Radio value="other" label={t('incidents.roster.someoneElse')} />
            </Stack>
          </Radio.Group>
          {choice === 'other' && (
            <>
              <TextInput label={t('incidents.roster.personName')} required value={other.name} onChange={(e) => setOther({ ...other, name: e.currentTarget.value })} />
              <TextInput label={t('incidents.roster.personPhone')} required value={other.phone} onChange={(e) => setOther({ ...other, phone: e.currentTarget.value })} />
              <TextInput label={t('incidents.roster.personTitle')} value={other.title} onChange={(e) => setOther({ ...other, title: e.currentTarget.value })} />
            </>
          )}
          <Textarea label={t('incidents.roster.handoverNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} data-testid="handover-note" />
          {handover.isError && (
            <Text c="red" size="sm" role="alert">
              {errorMessage(handover.error, t)}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('incidents.cancel')}
            </Button>
            <Button type="submit" loading={handover.isPending} disabled={!to} data-testid="handover-submit">
              {t('incidents.roster.handoverConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
