// What a new alert does on this laptop besides the screens: the bell unless muted here; a desktop notification
// while Tocsin is in the background (in browser mode; the desktop app's shell shows its own), or a notice inside
// the window when the reader is looking at it; and in browser mode a flashing tab title until every alert that
// rose is acknowledged or dismissed (looking at the page is not acknowledging).
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { alertNotice } from '../../../../shared/detection/alertNotice';
import { useAlertAttention } from '../../api/hooks/useAlertAttention';
import { useAlertRaised } from '../../api/hooks/useAlertRaised';
import { useSystemInfo } from '../../api/hooks/useSystem';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { alertHash } from '../detection/alertRoute';
import { isBellMuted, ringBell } from './bellSound';
import { showInWindow, windowHasFocus } from './inWindowNotice';
import { TitleFlasher } from './titleFlasher';

export function useDesktopAlerts(): void {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const shell = useSystemInfo().data?.shell;
  const flasher = useMemo(() => new TitleFlasher(document, window), []);
  const marker = t('desktopAlerts.bell.flashTitle');
  const attention = useAlertAttention(workspaceId, (wanted) => (wanted ? flasher.start(marker) : flasher.stop()));
  // A language chosen while flashing changes the marker, not the flashing.
  useEffect(() => {
    if (attention.wanted) flasher.start(marker);
  }, [attention, flasher, marker]);
  useEffect(() => () => flasher.stop(), [flasher]);

  useAlertRaised(workspaceId, (alert) => {
    if (!isBellMuted()) ringBell();
    const notice = alertNotice(alert, t);
    const tag = `tocsin-alert-${alert.id}`;
    if (windowHasFocus()) showInWindow(notice, { id: tag, href: alertHash(alert.id), openLabel: t('desktopAlerts.notice.open'), closeLabel: t('desktopAlerts.notice.close') });
    if (shell !== 'browser') return;
    attention.raised(workspaceId, alert);
    if (windowHasFocus() || typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
    const { title, body } = notice;
    // One notification per alert: a later rise replaces the earlier one instead of piling up.
    const notification = new Notification(title, { body, tag, lang: document.documentElement.lang });
    notification.addEventListener('click', () => {
      window.focus();
      window.location.hash = alertHash(alert.id);
      notification.close();
    });
  });
}
