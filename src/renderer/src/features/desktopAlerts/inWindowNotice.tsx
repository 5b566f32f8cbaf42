// The notice of a new alert for a reader who is looking at Tocsin: the window has the focus, so the OS
// notification would only repeat, outside the window, what the page already shows. It says the same words and
// opens the alert the same way.
import { Anchor, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { AlertNotice } from '../../../../shared/detection/alertNotice';

/** Whether the reader is looking at this window now: then notices stay inside it. */
export const windowHasFocus = (): boolean => document.visibilityState === 'visible' && document.hasFocus();

export function showInWindow(
  notice: AlertNotice,
  { id, href, openLabel, closeLabel }: { id: string; href: string; openLabel: string; closeLabel: string },
): void {
  notifications.show({
    id,
    color: 'red',
    title: notice.title,
    // Below and aside, for a while: the reader already sees the bell, the level banner and the flashing title, and
    // a notice that stayed over the header would hide the language switch and the banner's own buttons. A pointer
    // resting on it keeps it open.
    position: 'bottom-right',
    autoClose: 20_000,
    closeButtonProps: { 'aria-label': closeLabel },
    'data-testid': 'alert-in-window',
    message: (
      <Stack gap={4}>
        <Text size="sm">{notice.body}</Text>
        <Anchor href={href} size="sm" onClick={() => notifications.hide(id)}>
          {openLabel}
        </Anchor>
      </Stack>
    ),
  } as Parameters<typeof notifications.show>[0]);
}
