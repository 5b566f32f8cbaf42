// The lessons-learned form (RETEX) and the answers received; answers may be anonymous.
import { ActionIcon, Alert, Button, Checkbox, Group, Paper, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceId } from '../../../../shared/domain/workspace';
import { useLessons, useSubmitLesson } from '../../api/hooks/useExercises';
import { errorMessage } from '../../i18n/errorMessage';

const blank = { anonymous: false, author: '', authorRole: '', wentWell: '', wentBadly: '', actions: [{ action: '', owner: '' }] };

export function LessonsForm({ workspaceId }: { workspaceId: WorkspaceId }) {
  const { t } = useTranslation();
  const lessons = useLessons(workspaceId);
  const submit = useSubmitLesson(workspaceId);
  const [form, setForm] = useState(blank);
  const actions = form.actions.filter((a) => a.action.trim() && a.owner.trim());
  const canSubmit = (form.anonymous || form.author.trim()) && (form.wentWell.trim() || form.wentBadly.trim() || actions.length);

  return (
    <Paper withBorder p="md" data-testid="exercise-lessons">
      <Title order={4}>{t('exercises.lessons.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('exercises.lessons.help')}
      </Text>
      <Stack gap="xs">
        <Checkbox
          label={t('exercises.lessons.anonymous')}
          checked={form.anonymous}
          onChange={(e) => setForm({ ...form, anonymous: e.currentTarget.checked })}
          data-testid="lessons-anonymous"
        />
        {!form.anonymous && (
          <Group grow>
            <TextInput label={t('exercises.lessons.author')} value={form.author} onChange={(e) => setForm({ ...form, author: e.currentTarget.value })} />
            <TextInput label={t('exercises.lessons.role')} value={form.authorRole} onChange={(e) => setForm({ ...form, authorRole: e.currentTarget.value })} />
          </Group>
        )}
        <Group grow align="flex-start">
          <Textarea
            label={t('exercises.lessons.wentWell')}
            autosize
            minRows={3}
            value={form.wentWell}
            onChange={(e) => setForm({ ...form, wentWell: e.currentTarget.value })}
            data-testid="lessons-went-well"
          />
          <Textarea
            label={t('exercises.lessons.wentBadly')}
            autosize
            minRows={3}
            value={form.wentBadly}
            onChange={(e) => setForm({ ...form, wentBadly: e.currentTarget.value })}
            data-testid="lessons-went-badly"
          />
        </Group>
        {form.actions.map((action, index) => (
          <Group key={index} align="flex-end" gap="xs">
            <TextInput
              style={{ flex: 1 }}
              label={t('exercises.lessons.action')}
              value={action.action}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setForm({ ...form, actions: form.actions.map((a, i) => (i === index ? { ...a, action: value } : a)) });
              }}
              data-testid={`lessons-action-${index}`}
            />
            <TextInput
              w={220}
              label={t('exercises.lessons.owner')}
              value={action.owner}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setForm({ ...form, actions: form.actions.map((a, i) => (i === index ? { ...a, owner: value } : a)) });
              }}
              data-testid={`lessons-owner-${index}`}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              mb={6}
              aria-label={t('plan.remove')}
              onClick={() => setForm({ ...form, actions: form.actions.filter((_, i) => i !== index) })}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => setForm({ ...form, actions: [...form.actions, { action: '', owner: '' }] })}
          >
            {t('exercises.lessons.addAction')}
          </Button>
          <Button
            disabled={!canSubmit}
            loading={submit.isPending}
            onClick={() =>
              submit.mutate(
                {
                  author: form.anonymous ? null : form.author.trim(),
                  authorRole: form.anonymous || !form.authorRole.trim() ? null : form.authorRole.trim(),
                  wentWell: form.wentWell,
                  wentBadly: form.wentBadly,
                  actions,
                },
                {
                  onSuccess: () => {
                    setForm(blank);
                    notifications.show({ message: t('exercises.lessons.submitted'), color: 'green' });
                  },
                },
              )
            }
            data-testid="lessons-submit"
          >
            {t('exercises.lessons.submit')}
          </Button>
        </Group>
        {submit.error && <Alert color="red">{errorMessage(submit.error, t)}</Alert>}
        <Title order={5} mt="sm">
          {t('exercises.lessons.answers')}
        </Title>
        {(lessons.data ?? []).length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('exercises.lessons.none')}
          </Text>
        ) : (
          <Table verticalSpacing={6} data-testid="lessons-list">
            <Table.Tbody>
              {(lessons.data ?? []).map((lesson) => (
                <Table.Tr key={lesson.id}>
                  <Table.Td w={180}>
                    <Text size="sm" fw={500}>
                      {lesson.author ?? t('exercises.lessons.anonymousAuthor')}
                    </Text>
                    {lesson.authorRole && (
                      <Text size="xs" c="dimmed">
                        {lesson.authorRole}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {lesson.wentWell && <Text size="sm">+ {lesson.wentWell}</Text>}
                    {lesson.wentBadly && <Text size="sm">− {lesson.wentBadly}</Text>}
                    {lesson.actions.map((a, i) => (
                      <Text size="sm" key={i} c="dimmed">
                        → {a.action} ({a.owner})
                      </Text>
                    ))}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
