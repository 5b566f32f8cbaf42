// Catalogue français de l'interface ; le type UiCatalog impose les mêmes clés que l'anglais.
import type { UiCatalog } from './en';
import { composerFr } from './composer';
import { incidentsFr } from './incidents';
import { notifyFr } from './notify';
import { importsFr } from './imports';
import { socialSourcesFr } from './socialSources';
import { sourcesFr } from './sources';
import { watchesFr } from './watches';
import { mentionsFr } from './mentions';
import { dashboardFr } from './dashboard';
import { exerciseFr } from './exercises';
import { planFr } from './plan';
import { clocksFr } from './clocks';
import { retexFr } from './retex';
import { pressFr } from './press';
import { compensationFr } from './compensation';
import { reportsFr } from './reports';
import { securityFr } from './security';
import { detectionFr } from './detection';
import { desktopAlertsFr } from './desktopAlerts';
import { healthFr } from './health';
import { platformFr } from './platform';
import { cellFr } from './cell';

export const fr: UiCatalog = {
  app: {
    name: 'Tocsin',
    tagline: 'Salle de crise',
    exerciseMark: 'EXERCICE',
    exerciseBanner: 'EXERCICE — crise simulée, données fictives',
    loading: 'Chargement…',
    error: 'Une erreur est survenue : {{message}}',
    retry: 'Réessayer',
    close: 'Fermer',
    shellBrowser: 'Mode navigateur',
    shellElectron: 'Application',
  },
  nav: {
    sources: 'Sources et veilles',
    mentions: 'Mentions',
    imports: 'Imports de fichiers',
    dashboard: 'Tableau de bord',
    alerts: 'Alertes',
    incidents: 'Incidents',
    composer: 'Rédaction',
    plan: 'Plan de crise',
    exercise: 'Exercice',
    reports: 'Rapports',
    cell: 'Cellule',
    settings: 'Réglages',
  },
  preferences: {
    language: 'Langue',
    theme: 'Thème',
    dark: 'Sombre',
    light: 'Clair',
    toggleTheme: 'Basculer entre thème sombre et clair',
  },
  settings: {
    title: 'Réglages',
    workspaceSection: 'Espace de travail',
    workspaceHelp: 'Partagés par tous les utilisateurs de cet espace. Les changements apparaissent aussitôt dans chaque fenêtre ouverte.',
    displayName: 'Nom de l’espace',
    organisation: 'Organisation',
    reportLanguage: 'Langue des rapports',
    statusMeetingHours: 'Heures entre deux points de situation',
    retentionMonths: 'Conserver les mentions complètes (mois)',
    retentionHelp: 'Les mentions plus anciennes sont supprimées en arrière-plan, sauf celles d’un incident, d’une alerte, de la file de réponses ou de la main courante. Les graphiques gardent leurs comptes. 0 conserve tout.',
    save: 'Enregistrer',
    saved: 'Réglages enregistrés',
    kind: 'Type :',
    kindLive: 'Réel',
    kindExercise: 'Exercice',
    createdAt: 'Créé le :',
    personalSection: 'Cet ordinateur',
    personalHelp: 'La langue et le thème ne sont conservés que sur cet ordinateur.',
  },
  languages: {
    fr: 'Français',
    en: 'English',
  },
  incidents: incidentsFr,
  notify: notifyFr,
  composer: composerFr,
  security: securityFr,
  imports: importsFr,
  socialSources: socialSourcesFr,
  sources: sourcesFr,
  watches: watchesFr,
  mentions: mentionsFr,
  dashboard: dashboardFr,
  plan: planFr,
  clocks: clocksFr,
  retex: retexFr,
  press: pressFr,
  compensation: compensationFr,
  reports: reportsFr,
  exercises: exerciseFr,
  detection: detectionFr,
  desktopAlerts: desktopAlertsFr,
  health: healthFr,
  platform: platformFr,
  cell: cellFr,
  errors: {
    INVALID_INPUT: 'Certaines valeurs ne sont pas valides.',
    NOT_FOUND: 'Introuvable.',
    CONFLICT: 'Conflit avec une modification faite entre-temps.',
    FORBIDDEN: 'Non autorisé.',
    LOCKED: 'Les données sont verrouillées : saisissez la phrase secrète.',
    UNAUTHORIZED: 'Accès refusé.',
    UNKNOWN_CHANNEL: 'Requête inconnue.',
    UNAVAILABLE: 'Indisponible pour le moment.',
    PAYLOAD_TOO_LARGE: 'Trop volumineux.',
    INTERNAL: 'Erreur interne.',
    offline: 'Le moteur de Tocsin est injoignable.',
  },
};
