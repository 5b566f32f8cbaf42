// A custom Zod check names the catalogue sentence it fails with (`params: { wording: '<key>' }`): Zod's own message is
// English only, and without a key every screen falls back to the generic "Not a valid value". The scan reads
// src/shared and src/main with the TypeScript compiler; the checks whose key is computed (cross-references of a
// plan or a scenario) are run on broken inputs and their issues worded in both languages.
import ts from 'typescript';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { wordedIssues } from '../../../src/main/platform/i18n/zodIssues';
import { translator } from '../../../src/main/platform/i18n/translator';
import { uiCatalogs } from '../../../src/shared/i18n/index';
import { crisisPlanSchema, escalationSchema, offsetDurationSchema } from '../../../src/shared/domain/plan';
import { scenarioScriptSchema } from '../../../src/shared/domain/scenarioScript';
import { parsePlanFile } from '../../../src/main/features/plan/planFile';
import { AppFailure } from '../../../src/shared/contract/envelope';
import { PLAN_FORMAT } from '../../../src/shared/domain/plan';
import { sourceFiles } from '../../support/prose/proseLiterals';
import { repoPath } from '../../support/paths';

const ROOT = repoPath('.');
const GENERIC = 'platform.validation.invalid';

const hasKey = (key: string): boolean =>
  [uiCatalogs.en, uiCatalogs.fr].every((catalogue) => {
    let at: unknown = catalogue;
    for (const part of key.split('.')) at = at && typeof at === 'object' ? (at as Record<string, unknown>)[part] : undefined;
    return typeof at === 'string';
  });

const property = (object: ts.ObjectLiteralExpression, name: string) =>
  object.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === name);

/** The `params.wording` of an options object: its literal key, 'computed' for a variable or expression, null when absent. */
function wordingOf(options: ts.Expression | undefined): string | null {
  if (!options || !ts.isObjectLiteralExpression(options)) return null;
  if (options.properties.some((p) => ts.isShorthandPropertyAssignment(p) && p.name.text === 'params')) return 'computed';
  const params = property(options, 'params')?.initializer;
  if (!params || !ts.isObjectLiteralExpression(params)) return null;
  const wording = property(params, 'wording')?.initializer;
  if (!wording) return null;
  return ts.isStringLiteral(wording) ? wording.text : 'computed';
}

interface Finding {
  readonly at: string;
  readonly problem: string;
}

function customChecks(file: string): Finding[] {
  const text = readFileSync(file, 'utf8');
  if (!/\.(refine|addIssue)\(/.test(text)) return [];
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const findings: Finding[] = [];
  const report = (node: ts.Node, problem: string) =>
    findings.push({ at: `${relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`, problem });
  const check = (node: ts.Node, options: ts.Expression | undefined) => {
    const key = wordingOf(options);
    if (key === null) report(node, 'no params.wording');
    else if (key !== 'computed' && !hasKey(key)) report(node, `no FR/EN sentence "${key}"`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      if (method === 'refine') check(node, node.arguments[1]);
      if (method === 'addIssue') check(node, node.arguments[0]);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}

const allChecks = () => [...sourceFiles(repoPath('src/shared')), ...sourceFiles(repoPath('src/main'))].flatMap(customChecks);

function wordings(error: z.ZodError): { key: string; fr: string; en: string }[] {
  return wordedIssues(error).map((issue) => {
    const key = issue.wording!.key;
    const values = issue.wording!.values ?? {};
    return { key, fr: translator('fr')(key, values), en: translator('en')(key, values) };
  });
}

function expectWorded(error: z.ZodError | undefined, count: number) {
  expect(error).toBeDefined();
  const found = wordings(error!);
  expect(found).toHaveLength(count);
  for (const w of found) {
    expect(w.key).not.toBe(GENERIC);
    expect(hasKey(w.key), w.key).toBe(true);
    // Every value the sentence names was given.
    expect(w.fr).not.toMatch(/\{\{/);
    expect(w.en).not.toMatch(/\{\{/);
  }
  return found;
}

describe('custom Zod checks', () => {
  it('finds a refine and an addIssue that name no sentence', () => {
    expect(customChecks(repoPath('tests/fixtures/prose/unwordedCheck.ts')).map((f) => f.problem)).toEqual([
      'no params.wording',
      'no FR/EN sentence "platform.validation.nowhere"',
      'no params.wording',
    ]);
  });

  it('each name a FR and EN sentence in src/shared and src/main', () => {
    expect(allChecks().map((f) => `${f.at} ${f.problem}`)).toEqual([]);
  });

  it('word the broken links of a plan with the ids at fault', () => {
    const plan = {
      metadata: { organisation: 'Aurore' },
      roles: [
        { id: 'crisisLead', calls: ['crisisLead', 'ghost'] },
        { id: 'crisisLead', calls: [] },
      ],
      scenarios: [{ id: 's', playbookId: 'nope', templateIds: ['missing'] }],
    };
    const parsed = crisisPlanSchema.safeParse(plan);
    const found = wordings(parsed.error!).filter((w) => w.key.startsWith('plan.checks.'));
    expect(found.map((w) => w.en)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('“crisisLead”'),
        expect.stringContaining('“ghost”'),
        expect.stringContaining('“nope”'),
        expect.stringContaining('“missing”'),
        'A role cannot call itself.',
      ]),
    );
    expect(found.map((w) => w.fr)).toContain('Un rôle ne peut pas s’appeler lui-même.');
    // An imported file's issues travel with their keys, so the plan screen words them in its reader's language.
    let refused: unknown;
    try {
      parsePlanFile(JSON.stringify({ ...plan, format: PLAN_FORMAT }));
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(AppFailure);
    const ghost = (refused as AppFailure).issues?.find((i) => i.path === 'roles.0.calls.1');
    expect(ghost).toMatchObject({ message: 'The role “ghost” is not in the plan.', wording: { key: 'plan.checks.noRole', values: { id: 'ghost' } } });
  });

  it('word a step that counts from no earlier step, and escalation minutes out of order', () => {
    const broken = escalationSchema.safeParse({
      meeting: { withinMinutes: 60, place: { fr: 'Salle', en: 'Room' } },
      levels: {
        vigilance: { first: [], deputyAfterMinutes: 30, callTreeAfterMinutes: 20, crisisLeadAfterMinutes: 120 },
        alert: { first: [], deputyAfterMinutes: 15, callTreeAfterMinutes: 30, crisisLeadAfterMinutes: 45 },
        crisis: { first: [], deputyAfterMinutes: 10, callTreeAfterMinutes: 20, crisisLeadAfterMinutes: 30 },
      },
    });
    expect(expectWorded(broken.error, 1)[0]!.key).toBe('plan.checks.escalationOrder');
    expect(expectWorded(offsetDurationSchema.safeParse('PT').error, 1)[0]!.key).toBe('plan.checks.duration');
    const plan = crisisPlanSchema.safeParse({
      metadata: { organisation: 'Aurore' },
      regulatory: {
        obligations: [
          {
            id: 'dora',
            name: { fr: 'DORA', en: 'DORA' },
            source: { fr: 'DORA', en: 'DORA' },
            recipient: { fr: 'FINMA', en: 'FINMA' },
            ownerRole: 'legal',
            steps: [
              { id: 'a', name: { fr: 'a', en: 'a' }, due: { fr: 'a', en: 'a' }, limits: [{ from: 'stepSent' }] },
              { id: 'b', name: { fr: 'b', en: 'b' }, due: { fr: 'b', en: 'b' }, limits: [{ from: 'stepSent', step: 'c' }] },
            ],
          },
        ],
      },
    });
    const keys = wordings(plan.error!).map((w) => w.key);
    expect(keys).toContain('plan.checks.stepSentNeedsStep');
    expect(keys).toContain('plan.checks.notEarlierStep');
    expect(keys).not.toContain(GENERIC);
  });

  it('word the problems of a scenario script in both languages', () => {
    const persona = { id: 'p', kind: 'journalist', name: 'Ana', handle: '@ana', audience: 10 };
    const parsed = scenarioScriptSchema.safeParse({
      format: 'tocsin-exercise-script',
      formatVersion: 1,
      id: 'drill',
      title: { fr: 'Exercice', en: 'Drill' },
      description: { fr: 'Exercice', en: 'Drill' },
      brand: 'Aurore',
      planScenario: 'dataBreach',
      durationMinutes: 60,
      onsetMinute: 5,
      expectedAlertWithinMinutes: 10,
      seed: 1,
      personas: [persona],
      injects: [
        { id: 'x', at: 90, title: { fr: 'Note', en: 'Note' }, kind: 'directorNote', body: { fr: 'Note', en: 'Note' } },
        { id: 'x', at: 10, title: { fr: 'Post', en: 'Post' }, kind: 'post', persona: 'ghost', language: 'fr', text: 'Bonjour' },
      ],
    });
    const found = wordings(parsed.error!);
    expect(found.map((w) => w.key)).not.toContain(GENERIC);
    expect(found.map((w) => w.en)).toEqual(expect.arrayContaining([expect.stringContaining('“x”'), expect.stringContaining('“ghost”'), expect.stringContaining('60')]));
  });
});
