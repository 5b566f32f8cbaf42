// Words of the alerts Tocsin sends outside the app (e-mail, SMS, messenger) and of their delivery statuses.
import type { Catalog } from './catalog';

export const notifyEn = {
  levels: { vigilance: 'Watch', alert: 'Alert', crisis: 'Crisis' },
  message: {
    subject: '[Tocsin] {{level}}: {{title}}',
    first: 'You are called as {{role}} for the incident “{{title}}” (level: {{level}}).',
    deputy: 'You are called as deputy {{role}}: {{holder}} has not answered within {{minutes}} min. Incident “{{title}}” (level: {{level}}).',
    callTree: '{{holder}} ({{role}}) has not answered within {{minutes}} min. You call this role in the call tree: please reach them or name a replacement. Incident “{{title}}” (level: {{level}}).',
    crisisLead: '{{holder}} ({{role}}) has not answered within {{minutes}} min, nor their deputy. As crisis lead, please name a replacement. Incident “{{title}}” (level: {{level}}).',
    todo: 'What to do: open Tocsin and acknowledge.',
    meeting: 'Meeting: {{time}}, {{place}}.',
    test: 'Test message from Tocsin: this channel reaches you.',
  },
  status: {
    queued: 'Queued',
    sending: 'Sending',
    sent: 'Sent',
    delivered: 'Delivered',
    failed: 'Failed',
  },
  channels: { email: 'E-mail', sms: 'SMS', messenger: 'Messenger', none: 'No channel' },
  stages: { first: 'First call', deputy: 'Deputy', callTree: 'Call tree', crisisLead: 'Crisis lead' },
  deliveries: {
    title: 'Messages sent',
    empty: 'No message sent outside Tocsin for this incident.',
    person: 'Person',
    channel: 'Channel',
    stage: 'Step',
    status: 'Status',
    attempts: 'Attempts',
    nextAttempt: 'next try {{time}}',
  },
  failures: { gatewayUrl: 'The gateway address is not an http or https URL.' },
};

export const notifyFr: Catalog<typeof notifyEn> = {
  levels: { vigilance: 'Vigilance', alert: 'Alerte', crisis: 'Crise' },
  message: {
    subject: '[Tocsin] {{level}} : {{title}}',
    first: 'Vous êtes appelé·e comme {{role}} pour l’incident « {{title}} » (niveau : {{level}}).',
    deputy: 'Vous êtes appelé·e comme suppléant·e {{role}} : {{holder}} n’a pas répondu en {{minutes}} min. Incident « {{title}} » (niveau : {{level}}).',
    callTree: '{{holder}} ({{role}}) n’a pas répondu en {{minutes}} min. Vous appelez ce rôle dans l’arbre d’appel : joignez cette personne ou désignez un remplaçant. Incident « {{title}} » (niveau : {{level}}).',
    crisisLead: '{{holder}} ({{role}}) n’a pas répondu en {{minutes}} min, ni son suppléant. Comme responsable de crise, désignez un remplaçant. Incident « {{title}} » (niveau : {{level}}).',
    todo: 'À faire : ouvrez Tocsin et accusez réception.',
    meeting: 'Réunion : {{time}}, {{place}}.',
    test: 'Message de test de Tocsin : ce canal vous atteint.',
  },
  status: {
    queued: 'En file',
    sending: 'Envoi en cours',
    sent: 'Envoyé',
    delivered: 'Remis',
    failed: 'Échec',
  },
  channels: { email: 'E-mail', sms: 'SMS', messenger: 'Messagerie', none: 'Aucun canal' },
  stages: { first: 'Premier appel', deputy: 'Suppléant', callTree: 'Arbre d’appel', crisisLead: 'Responsable de crise' },
  deliveries: {
    title: 'Messages envoyés',
    empty: 'Aucun message envoyé hors de Tocsin pour cet incident.',
    person: 'Personne',
    channel: 'Canal',
    stage: 'Étape',
    status: 'Statut',
    attempts: 'Tentatives',
    nextAttempt: 'prochain essai {{time}}',
  },
  failures: { gatewayUrl: 'L’adresse de la passerelle n’est pas une URL http ou https.' },
};
