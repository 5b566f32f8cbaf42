// Strings of the exercise area: exercise workspaces, director console, debrief.
import type { Catalog } from './catalog';

export const exerciseEn = {
  title: 'Exercises',
  subtitle: 'Rehearse on a simulated crisis. Each exercise has its own database: nothing reaches the live data, and the live workspace keeps running beside it.',
  switchLabel: 'Workspace shown in this window',
  liveWorkspace: 'Live workspace',
  newTitle: 'New exercise',
  name: 'Exercise name',
  namePlaceholder: 'e.g. Data leak drill — March',
  create: 'Create the exercise',
  created: 'Exercise created. This window now shows it; the live workspace keeps running.',
  listTitle: 'Exercises on this computer',
  empty: 'No exercise yet.',
  createdAt: 'Created {{date}}',
  open: 'Open in this window',
  current: 'Shown in this window',
  backToLive: 'Back to the live workspace',
  inExercise: 'This window shows the exercise “{{name}}”. The live workspace keeps running: switch back at any time.',
};

export const exerciseFr: Catalog<typeof exerciseEn> = {
  title: 'Exercices',
  subtitle: 'S’entraîner sur une crise simulée. Chaque exercice a sa propre base de données : rien n’atteint les données réelles, et l’espace réel continue de tourner à côté.',
  switchLabel: 'Espace affiché dans cette fenêtre',
  liveWorkspace: 'Espace réel',
  newTitle: 'Nouvel exercice',
  name: 'Nom de l’exercice',
  namePlaceholder: 'p. ex. Exercice fuite de données — mars',
  create: 'Créer l’exercice',
  created: 'Exercice créé. Cette fenêtre l’affiche ; l’espace réel continue de tourner.',
  listTitle: 'Exercices sur cet ordinateur',
  empty: 'Aucun exercice pour l’instant.',
  createdAt: 'Créé le {{date}}',
  open: 'Ouvrir dans cette fenêtre',
  current: 'Affiché dans cette fenêtre',
  backToLive: 'Revenir à l’espace réel',
  inExercise: 'Cette fenêtre affiche l’exercice « {{name}} ». L’espace réel continue de tourner : vous pouvez y revenir à tout moment.',
};
