// Desktop alert strings: the notification an alert raises, the header bell, and the per-laptop settings.
import type { Catalog } from './catalog';

export const desktopAlertsEn = {
  notice: {
    title: '{{level}} — {{watch}}',
    noSignal: 'Open Tocsin to see why',
    open: 'Open the alert',
    close: 'Close this notice',
  },
  bell: {
    label_one: '{{count}} alert not acknowledged',
    label_other: '{{count}} alerts not acknowledged',
    none: 'No alert waiting for acknowledgement',
    flashTitle: '● Alert — Tocsin',
  },
  settings: {
    title: 'Alerts on this laptop',
    help: 'These choices belong to this computer only: each member of the cell picks their own.',
    notifications: 'Desktop notifications',
    allow: 'Allow desktop notifications',
    granted: 'Allowed: each new alert or rise in level shows a notification while Tocsin is in the background; in front, a notice inside the window.',
    denied: 'Blocked by the browser: allow notifications for this page in the browser’s site settings.',
    unsupported: 'This browser cannot show desktop notifications.',
    shell: 'The desktop app shows a notification for each new alert or rise in level while it is in the background; in front, a notice inside the window.',
    mute: 'Mute the alert bell on this laptop',
    muteHelp: 'The taskbar still flashes and the header bell still counts alerts.',
    tryBell: 'Play the bell',
  },
};

export const desktopAlertsFr: Catalog<typeof desktopAlertsEn> = {
  notice: {
    title: '{{level}} — {{watch}}',
    noSignal: 'Ouvrez Tocsin pour voir pourquoi',
    open: 'Ouvrir l’alerte',
    close: 'Fermer cet avis',
  },
  bell: {
    label_one: '{{count}} alerte non prise en compte',
    label_other: '{{count}} alertes non prises en compte',
    none: 'Aucune alerte en attente de prise en compte',
    flashTitle: '● Alerte — Tocsin',
  },
  settings: {
    title: 'Alertes sur cet ordinateur',
    help: 'Ces choix ne valent que pour cet ordinateur : chaque membre de la cellule choisit les siens.',
    notifications: 'Notifications de bureau',
    allow: 'Autoriser les notifications de bureau',
    granted: 'Autorisées : chaque nouvelle alerte ou hausse de niveau affiche une notification quand Tocsin est en arrière-plan ; au premier plan, un avis dans la fenêtre.',
    denied: 'Bloquées par le navigateur : autorisez les notifications pour cette page dans les réglages du site.',
    unsupported: 'Ce navigateur ne peut pas afficher de notifications de bureau.',
    shell: 'L’application de bureau affiche une notification pour chaque nouvelle alerte ou hausse de niveau quand elle est en arrière-plan ; au premier plan, un avis dans la fenêtre.',
    mute: 'Couper la sonnerie d’alerte sur cet ordinateur',
    muteHelp: 'La barre des tâches clignote toujours et la cloche de l’en-tête compte toujours les alertes.',
    tryBell: 'Faire sonner',
  },
};
