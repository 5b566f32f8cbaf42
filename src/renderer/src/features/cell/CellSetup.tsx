// Creating a cell on this laptop, or joining one with a join code from the inviting laptop.
import { Alert, Button, Stack, TagsInput, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CellStatus } from '../../../../shared/contract/cell';
import { useCreateCell, useJoinCell } from '../../api/hooks/useCell';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { errorMessage } from '../../i18n/errorMessage';
import { AddressInput, defaultAddress } from './AddressInput';

function ProfileFields({ prefix, name, roles, onName, onRoles }: { prefix: string; name: string; roles: string[]; onName: (v: string) => void; onRoles: (v: string[]) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput label={t('cell.profile.memberName')} value={name} onChange={(e) => onName(e.currentTarget.value)} required maxLength={120} data-testid={`${prefix}-name`} />
      <TagsInput label={t('cell.profile.roles')} description={t('cell.profile.rolesHelp')} value={roles} onChange={onRoles} maxTags={12} data-testid={`${prefix}-roles`} />
    </>
  );
}

export function CreateCellForm() {
  const { t } = useTranslation();
  const create = useCreateCell(useWorkspaceId());
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ memberName: name, roles }, { onSuccess: () => notifications.show({ color: 'green', message: t('cell.create.created'), closeButtonProps: { 'aria-label': t('app.close') } }) });
      }}
    >
      <Stack data-testid="cell-create">
        <Title order={3} size="h4">
          {t('cell.create.title')}
        </Title>
        <Text size="sm">{t('cell.create.help')}</Text>
        <ProfileFields prefix="cell-create" name={name} roles={roles} onName={setName} onRoles={setRoles} />
        {create.error && <Alert color="red">{errorMessage(create.error, t)}</Alert>}
        <Button type="submit" loading={create.isPending} disabled={name.trim() === ''} data-testid="cell-create-submit">
          {t('cell.create.submit')}
        </Button>
      </Stack>
    </form>
  );
}

export function JoinCellForm({ interfaces }: { interfaces: CellStatus['interfaces'] }) {
  const { t } = useTranslation();
  const join = useJoinCell(useWorkspaceId());
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [host, setHost] = useState(() => defaultAddress(interfaces));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        join.mutate(
          { joinCode: code, memberName: name, roles, host: host.trim(), port: 0 },
          { onSuccess: () => notifications.show({ color: 'green', message: t('cell.join.joined'), closeButtonProps: { 'aria-label': t('app.close') } }) },
        );
      }}
    >
      <Stack data-testid="cell-join">
        <Title order={3} size="h4">
          {t('cell.join.title')}
        </Title>
        <Text size="sm">{t('cell.join.help')}</Text>
        <Textarea label={t('cell.join.code')} value={code} onChange={(e) => setCode(e.currentTarget.value)} required autosize minRows={2} maxLength={4000} data-testid="cell-join-code" />
        <ProfileFields prefix="cell-join" name={name} roles={roles} onName={setName} onRoles={setRoles} />
        <AddressInput value={host} onChange={setHost} interfaces={interfaces} testId="cell-join-address" />
        {join.error && <Alert color="red">{errorMessage(join.error, t)}</Alert>}
        <Button type="submit" loading={join.isPending} disabled={name.trim() === '' || code.trim() === '' || host.trim() === ''} data-testid="cell-join-submit">
          {t('cell.join.submit')}
        </Button>
      </Stack>
    </form>
  );
}
