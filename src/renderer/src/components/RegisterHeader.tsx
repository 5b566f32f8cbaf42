// The head of an incident's register tab (compensation, press): its title and intro, the button that opens the form
// to add an entry while the incident is open, and that form once opened.
import { Button, Group, Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface RegisterHeaderProps {
  readonly title: string;
  readonly intro: string;
  readonly openLabel: string;
  readonly openTestId: string;
  /** No entry is added to a closed incident. */
  readonly closed: boolean;
  readonly adding: boolean;
  readonly onOpen: () => void;
  readonly form: ReactNode;
}

export function RegisterHeader({ title, intro, openLabel, openTestId, closed, adding, onOpen, form }: RegisterHeaderProps) {
  return (
    <>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={3}>{title}</Title>
          <Text size="sm" c="dimmed">
            {intro}
          </Text>
        </div>
        {!closed && !adding && (
          <Button onClick={onOpen} data-testid={openTestId}>
            {openLabel}
          </Button>
        )}
      </Group>
      {adding && (
        <Paper withBorder p="md">
          {form}
        </Paper>
      )}
    </>
  );
}
