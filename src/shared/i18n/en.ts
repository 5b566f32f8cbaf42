// English UI catalogue. The French one must have exactly the same keys (enforced by its type).
// Each feature keeps its strings in its own file (`<feature>.ts` exporting an EN and an FR part) and is
// mounted here under its own key, so features do not edit each other's strings.
import type { Catalog } from './catalog';
import { sourcesEn } from './sources';
import { watchesEn } from './watches';
import { mentionsEn } from './mentions';
import { dashboardEn } from './dashboard';
import { composerEn } from './composer';
import { incidentsEn } from './incidents';
import { notifyEn } from './notify';
import { importsEn } from './imports';
import { socialSourcesEn } from './socialSources';
import { exerciseEn } from './exercises';
import { planEn } from './plan';
import { clocksEn } from './clocks';
import { retexEn } from './retex';
import { pressEn } from './press';
import { compensationEn } from './compensation';
import { reportsEn } from './reports';
import { securityEn } from './security';
import { detectionEn } from './detection';
import { desktopAlertsEn } from './desktopAlerts';
import { healthEn } from './health';
import { platformEn } from './platform';
import { cellEn } from './cell';
export const en = {
  app: {
    name: 'Tocsin',
    tagline: 'Crisis war-room',
    exerciseMark: 'EXERCISE',
    exerciseBanner: 'EXERCISE — simulated crisis, not real data',
    loading: 'Loading…',
    error: 'Something went wrong: {{message}}',
    retry: 'Retry',
    close: 'Close',
    shellBrowser: 'Browser mode',
    shellElectron: 'Desktop',
  },
  nav: {
    sources: 'Sources and watches',
    mentions: 'Mentions',
    dashboard: 'Dashboard',
    alerts: 'Alerts',
    imports: 'File imports',
    incidents: 'Incidents',
    composer: 'Composer',
    plan: 'Crisis plan',
    exercise: 'Exercise',
    reports: 'Reports',
    cell: 'Cell',
    settings: 'Settings',
  },
  preferences: {
    language: 'Language',
    theme: 'Theme',
    dark: 'Dark',
    light: 'Light',
    toggleTheme: 'Switch between dark and light theme',
  },
  settings: {
    title: 'Settings',
    workspaceSection: 'Workspace',
    workspaceHelp: 'Shared by everyone using this workspace. Changes appear at once in every open window.',
    displayName: 'Workspace name',
    organisation: 'Organisation',
    reportLanguage: 'Report language',
    statusMeetingHours: 'Hours between status meetings',
    retentionMonths: 'Keep full mentions for (months)',
    retentionHelp: 'Older mentions are removed in the background, except those of an incident, an alert, the response queue or the crisis log. Charts keep their counts. 0 keeps everything.',
    save: 'Save',
    saved: 'Settings saved',
    kind: 'Kind:',
    kindLive: 'Live',
    kindExercise: 'Exercise',
    createdAt: 'Created:',
    personalSection: 'This computer',
    personalHelp: 'Language and theme are kept on this computer only.',
  },
  languages: {
    fr: 'Français',
    en: 'English',
  },
  incidents: incidentsEn,
  notify: notifyEn,
  composer: composerEn,
  security: securityEn,
  imports: importsEn,
  socialSources: socialSourcesEn,
  sources: sourcesEn,
  watches: watchesEn,
  mentions: mentionsEn,
  dashboard: dashboardEn,
  plan: planEn,
  clocks: clocksEn,
  retex: retexEn,
  press: pressEn,
  compensation: compensationEn,
  reports: reportsEn,
  exercises: exerciseEn,
  detection: detectionEn,
  desktopAlerts: desktopAlertsEn,
  health: healthEn,
  platform: platformEn,
  cell: cellEn,
  errors: {
    INVALID_INPUT: 'Some values are not valid.',
    NOT_FOUND: 'Not found.',
    CONFLICT: 'This conflicts with a change made meanwhile.',
    FORBIDDEN: 'Not allowed.',
    LOCKED: 'The data is locked: enter the passphrase.',
    UNAUTHORIZED: 'Not authorised.',
    UNKNOWN_CHANNEL: 'Unknown request.',
    UNAVAILABLE: 'Not available right now.',
    PAYLOAD_TOO_LARGE: 'Too large.',
    INTERNAL: 'Internal error.',
    offline: 'The Tocsin backend cannot be reached.',
  },
};

export type UiCatalog = Catalog<typeof en>;
