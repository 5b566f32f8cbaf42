// Lists every problem the backend found in a file (plan, scenario…), by path, so the person can find and fix each one.
import { Alert, List, Text } from '@mantine/core';

export function IssueList({ title, issues, testId }: { title: string; issues: readonly { path: string; message: string }[]; testId: string }) {
  return (
    <Alert color="red" title={title} data-testid={testId}>
      <List size="sm" spacing={2}>
        {issues.map((issue, i) => (
          <List.Item key={i}>
            <Text span ff="monospace" size="sm">
              {issue.path}
            </Text>
            {' — '}
            {issue.message}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
