// What a source test found: the sample it read, or why it failed, worded by the form that ran it.
import { Alert, List, Text } from '@mantine/core';
import type { SourceTestResult as Result } from '../../../../shared/contract/sources';
import { useHealthText } from '../../i18n/useHealthText';

export function SourceTestResult({ result, okText, failedText }: { result: Result; okText: (count: number) => string; failedText: (message: string) => string }) {
  const healthText = useHealthText();
  return result.ok ? (
    <Alert color="green" data-testid="source-test-ok">
      <Text size="sm">{okText(result.itemCount)}</Text>
      <List size="sm" mt="xs">
        {result.sample.map((s, i) => (
          <List.Item key={i}>{s.title ?? s.text.slice(0, 120)}</List.Item>
        ))}
      </List>
    </Alert>
  ) : (
    <Alert color="red" data-testid="source-test-failed">
      {failedText(healthText(result.detail, result.message))}
    </Alert>
  );
}
