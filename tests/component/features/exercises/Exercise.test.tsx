import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ExerciseRun } from '../../../../src/shared/contract/exercises';
import { DirectorConsole } from '../../../../src/renderer/src/features/exercises/DirectorConsole';
import { ExerciseScreen } from '../../../../src/renderer/src/features/exercises/ExerciseScreen';
import { LessonsForm } from '../../../../src/renderer/src/features/exercises/LessonsForm';
import { backend } from '../../support/fakeBackend';
import { AT, workspace } from '../../support/fixtures';
import { choose, click, isDisabled, type } from '../../support/interact';
import { renderInApp, t } from '../../support/render';

const EXERCISE = 'exercise-acme-1';

const script = {
  id: 'product-recall',
  title: { fr: 'Rappel produit', en: 'Product recall' },
  description: { fr: 'Un lot défectueux.', en: 'A defective batch.' },
  brand: 'Acme',
  planScenario: 'productDefect',
  durationMinutes: 180,
  injectCount: 12,
  custom: false,
};

const run = (overrides: Partial<ExerciseRun> = {}): ExerciseRun => ({
  workspaceId: EXERCISE,
  scriptId: script.id,
  title: script.title,
  status: 'running',
  speed: 60,
  gameMinute: 12,
  durationMinutes: 180,
  onsetMinute: 10,
  expectedAlertWithinMinutes: 30,
  gameStartAt: AT,
  mentionsInjected: 40,
  injects: [],
  ...overrides,
});

describe('New exercise form', () => {
  it('creates an exercise workspace and switches this window to it', async () => {
    backend.reply('workspaces:list', []);
    backend.reply('exercises:run', null);
    backend.on('exercises:create', ({ name }) => workspace({ id: EXERCISE, kind: 'exercise', settings: { ...workspace().settings, displayName: name } }));
    renderInApp(<ExerciseScreen />);
    const create = screen.getByTestId('exercise-create');
    type(screen.getByTestId('exercise-name'), '   ');
    expect(isDisabled(create)).toBe(true);
    type(screen.getByTestId('exercise-name'), 'Exercice rappel mars');
    click(create);
    await waitFor(() => expect(window.sessionStorage.getItem('tocsin.workspace')).toBe(EXERCISE));
    expect(backend.sent('exercises:create')).toEqual([{ name: 'Exercice rappel mars' }]);
  });

  it.each([
    ['fr', 'Certaines valeurs ne sont pas valides. Invalid input for exercises:create.'],
    ['en', 'Some values are not valid. Invalid input for exercises:create.'],
  ] as const)('says in %s why a name was refused, and stays in the live workspace', async (language, text) => {
    backend.reply('workspaces:list', []);
    backend.reply('exercises:run', null);
    backend.expectInvalidInput('exercises:create');
    renderInApp(<ExerciseScreen />, { language });
    type(screen.getByTestId('exercise-name'), 'x'.repeat(121));
    click(screen.getByTestId('exercise-create'));
    expect(await screen.findByText(text)).toBeTruthy();
    expect(window.sessionStorage.getItem('tocsin.workspace')).toBeNull();
  });
});

describe('Lessons-learned form', () => {
  it('needs a name unless anonymous, and at least one answer', () => {
    backend.reply('lessons:list', []);
    renderInApp(<LessonsForm workspaceId={EXERCISE} />);
    const submit = screen.getByTestId('lessons-submit');
    type(screen.getByTestId('lessons-went-well'), 'La main courante était à jour.');
    expect(isDisabled(submit)).toBe(true);
    click(screen.getByTestId('lessons-anonymous'));
    expect(isDisabled(submit)).toBe(false);
    type(screen.getByTestId('lessons-went-well'), '  ');
    expect(isDisabled(submit)).toBe(true);
    type(screen.getByTestId('lessons-action-0'), 'Former les suppléants');
    expect(isDisabled(submit)).toBe(true);
    type(screen.getByTestId('lessons-owner-0'), 'DRH');
    expect(isDisabled(submit)).toBe(false);
  });

  it('sends the answers with only the complete actions, then clears the form', async () => {
    backend.reply('lessons:list', []);
    backend.on('lessons:submit', ({ lesson }) => ({ ...lesson, id: 1, submittedAt: AT }));
    renderInApp(<LessonsForm workspaceId={EXERCISE} />);
    type(screen.getByRole('textbox', { name: t('exercises.lessons.author') }), ' Marie Durand ');
    type(screen.getByTestId('lessons-went-badly'), 'Le juridique a été appelé trop tard.');
    type(screen.getByTestId('lessons-action-0'), 'Ajouter le juridique à l’arbre d’appel');
    type(screen.getByTestId('lessons-owner-0'), 'Direction');
    click(screen.getByRole('button', { name: t('exercises.lessons.addAction') }));
    type(screen.getByTestId('lessons-action-1'), 'Sans responsable');
    click(screen.getByTestId('lessons-submit'));
    expect(await screen.findByText(t('exercises.lessons.submitted'))).toBeTruthy();
    expect(backend.sent('lessons:submit')).toEqual([
      {
        workspaceId: EXERCISE,
        lesson: {
          author: 'Marie Durand',
          authorRole: null,
          wentWell: '',
          wentBadly: 'Le juridique a été appelé trop tard.',
          actions: [{ action: 'Ajouter le juridique à l’arbre d’appel', owner: 'Direction' }],
        },
      },
    ]);
    expect((screen.getByTestId('lessons-went-badly') as HTMLTextAreaElement).value).toBe('');
  });
});

describe('Director console', () => {
  it('starts the chosen scenario at the chosen speed', async () => {
    backend.reply('exercises:run', null);
    backend.reply('exercises:scripts', [script]);
    backend.reply('exercises:start', run());
    renderInApp(<DirectorConsole workspaceId={EXERCISE} />);
    const start = await screen.findByTestId('director-start-button');
    expect(isDisabled(start)).toBe(true);
    await choose(screen.getByTestId('director-script'), 'Product recall');
    click(screen.getByRole('radio', { name: '×10' }));
    click(start);
    await waitFor(() => expect(backend.sent('exercises:start')).toEqual([{ workspaceId: EXERCISE, scriptId: 'product-recall', speed: 10 }]));
  });

  it.each([
    ['fr', 'drill.yaml\u202f: 2 problème(s), rien n’a été importé'],
    ['en', 'drill.yaml: 2 problem(s), nothing was imported'],
  ] as const)('lists in %s every problem of a scenario file it refuses', async (language, title) => {
    backend.reply('exercises:run', null);
    backend.reply('exercises:scripts', [script]);
    backend.refuse('exercises:importScript', 'INVALID_INPUT', 'This scenario has 2 problem(s); nothing was imported.', [
      { path: 'injects.3.at', message: 'Must be within the scenario duration' },
      { path: 'title.en', message: 'Required' },
    ]);
    renderInApp(<DirectorConsole workspaceId={EXERCISE} />, { language });
    await screen.findByTestId('director-import-script');
    fireEvent.change(document.querySelector('input[type="file"]')!, { target: { files: [new File(['format: x'], 'drill.yaml')] } });
    const issues = await screen.findByTestId('director-import-issues');
    expect(issues.textContent).toContain(title);
    expect(within(issues).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'injects.3.at — Must be within the scenario duration',
      'title.en — Required',
    ]);
    expect(backend.sent('exercises:importScript')).toEqual([{ content: 'format: x' }]);
  });

  it('adds a pressure post only with an author and a text', async () => {
    backend.reply('exercises:run', run());
    backend.reply('crisisLog:list', []);
    backend.reply('exercises:pressure', run());
    renderInApp(<DirectorConsole workspaceId={EXERCISE} />);
    const pressure = await screen.findByTestId('director-pressure');
    const add = within(pressure).getAllByRole('button', { name: t('exercises.director.addPressure') })[0]!;
    type(within(pressure).getByRole('textbox', { name: t('exercises.director.author') }), '@colere_client');
    expect(isDisabled(add)).toBe(true);
    type(within(pressure).getByRole('textbox', { name: t('exercises.director.text') }), 'Toujours aucune réponse d’Acme ?');
    click(add);
    await waitFor(() =>
      expect(backend.sent('exercises:pressure')).toEqual([
        { workspaceId: EXERCISE, inject: { kind: 'post', author: '@colere_client', persona: 'influencer', audience: 50_000, language: 'fr', text: 'Toujours aucune réponse d’Acme ?' } },
      ]),
    );
  });

  it.each([
    ['fr', 'Introuvable. This exercise has finished.'],
    ['en', 'Not found. This exercise has finished.'],
  ] as const)('says in %s why pressure could not be added', async (language, text) => {
    backend.reply('exercises:run', run());
    backend.reply('crisisLog:list', []);
    backend.refuse('exercises:pressure', 'NOT_FOUND', 'This exercise has finished.');
    renderInApp(<DirectorConsole workspaceId={EXERCISE} />, { language });
    const pressure = await screen.findByTestId('director-pressure');
    type(within(pressure).getByRole('textbox', { name: t('exercises.director.author') }), '@colere_client');
    type(within(pressure).getByRole('textbox', { name: t('exercises.director.text') }), 'Alors ?');
    click(within(pressure).getAllByRole('button', { name: t('exercises.director.addPressure') })[0]!);
    expect((await within(pressure).findByRole('alert')).textContent).toBe(text);
  });
});
