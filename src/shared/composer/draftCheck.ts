// The local draft check: runs on every keystroke in the editor and again in the core before approval.
import type { StatementKind } from '../domain/statement';
import type { DraftRuleId, DraftRuleSet } from './draftRules';
import { foldAccents } from './foldText';
import { findUnverifiedFacts, type UnverifiedFact } from './unverifiedFacts';

export type DraftFlagRule = DraftRuleId | 'unverifiedFact';

export interface DraftFlag {
  readonly rule: DraftFlagRule;
  /** The offending words (absent for a missing element). */
  readonly excerpt?: string;
  readonly start?: number;
  readonly end?: number;
  /** For `unverifiedFact`: the crisis-log entry that is not verified yet. */
  readonly entryId?: string;
  readonly entryText?: string;
}

interface CompiledRule {
  readonly id: DraftRuleId;
  readonly mode: 'avoid' | 'require';
  readonly regexes: readonly RegExp[];
}

export interface DraftChecker {
  readonly language: DraftRuleSet['language'];
  /** Without a kind every element is required, as for a holding statement. */
  check(text: string, unverified?: readonly UnverifiedFact[], kind?: StatementKind): DraftFlag[];
}

const PUBLIC_ELEMENTS: readonly DraftRuleId[] = ['missingEmpathy', 'missingDateTime', 'missingActions', 'missingNextUpdate'];

/**
 * The elements each kind owes its readers: a public statement owes all four; a one-to-one reply owes empathy,
 * not a timetable; colleagues are owed what is done and when they hear next, not a public apology.
 */
const REQUIRED_BY_KIND: Record<StatementKind, readonly DraftRuleId[]> = {
  holding: PUBLIC_ELEMENTS,
  update: PUBLIC_ELEMENTS,
  apology: PUBLIC_ELEMENTS,
  press_release: PUBLIC_ELEMENTS,
  faq: ['missingEmpathy', 'missingActions'],
  customer_service_script: ['missingEmpathy', 'missingActions'],
  reply: ['missingEmpathy'],
  internal_memo: ['missingDateTime', 'missingActions', 'missingNextUpdate'],
};

/** Compiles the rule set once (regexes are built here, not per keystroke). */
export function createDraftChecker(set: DraftRuleSet): DraftChecker {
  const compiled: CompiledRule[] = set.rules.map((rule) => ({
    id: rule.id,
    mode: rule.mode,
    regexes: rule.patterns.map((p) => new RegExp(p, rule.caseSensitive ? 'gu' : 'giu')),
  }));
  return {
    language: set.language,
    check: (text, unverified = [], kind) =>
      runChecks(text, kind ? compiled.filter((r) => r.mode === 'avoid' || REQUIRED_BY_KIND[kind].includes(r.id)) : compiled, unverified),
  };
}

function runChecks(text: string, compiled: readonly CompiledRule[], unverified: readonly UnverifiedFact[]): DraftFlag[] {
  const folded = foldAccents(text);
  const flags: DraftFlag[] = [];
  if (folded.trim() === '') return flags;
  for (const rule of compiled) {
    const hits: DraftFlag[] = [];
    for (const regex of rule.regexes) {
      regex.lastIndex = 0;
      for (const m of folded.matchAll(regex)) {
        if (m[0] === '') continue;
        const start = m.index;
        const end = start + m[0].length;
        hits.push({ rule: rule.id, excerpt: text.slice(start, end), start, end });
      }
    }
    if (rule.mode === 'avoid') flags.push(...dedupe(hits));
    else if (hits.length === 0) flags.push({ rule: rule.id });
  }
  for (const fact of findUnverifiedFacts(text, unverified)) {
    flags.push({ rule: 'unverifiedFact', entryId: fact.id, entryText: fact.text });
  }
  return flags;
}

function dedupe(hits: DraftFlag[]): DraftFlag[] {
  const seen = new Set<string>();
  return hits
    .sort((a, b) => (a.start ?? 0) - (b.start ?? 0))
    .filter((h) => {
      const key = `${h.start}:${h.end}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
