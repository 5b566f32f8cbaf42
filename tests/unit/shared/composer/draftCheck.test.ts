import { describe, expect, it } from 'vitest';
import { createDraftChecker, type DraftFlagRule } from '../../../../src/shared/composer/draftCheck';
import { loadDraftRuleSets } from '../../../../src/main/features/composer/draftRuleSets';

const sets = loadDraftRuleSets();
const fr = createDraftChecker(sets.fr);
const en = createDraftChecker(sets.en);

const GOOD_EN =
  'We are sorry for the disruption many of you experienced this morning. At 09:40 on 21 November, card payments ' +
  'stopped working for some customers. Our teams have isolated the fault and we have suspended the affected ' +
  'service as a precaution. We understand your frustration and we will answer every question. ' +
  'Next update at 14:00 today on this account.';
const GOOD_FR =
  'Nous sommes désolés pour la gêne subie ce matin par beaucoup d’entre vous. Le 21 novembre à 9 h 40, les ' +
  'paiements par carte ont cessé de fonctionner pour une partie de nos clients. Nos équipes ont isolé la panne et ' +
  'nous avons suspendu le service concerné par précaution. Nous comprenons votre agacement et répondrons à chaque ' +
  'question. Prochain point à 14 h aujourd’hui sur ce compte.';

const avoidedRules = (text: string, checker = en): DraftFlagRule[] =>
  [...new Set(checker.check(text).map((f) => f.rule))].filter((r) => !r.startsWith('missing'));

describe('draft check', () => {
  it('passes a good holding statement in English and in French', () => {
    expect(en.check(GOOD_EN)).toEqual([]);
    expect(fr.check(GOOD_FR)).toEqual([]);
  });

  const avoidCases: [DraftFlagRule, string, string][] = [
    ['aggressive', 'These claims are ridiculous and the trolls know it.', 'Ces propos sont ridicules, c’est n’importe quoi.'],
    ['defensive', 'We did nothing wrong and these are baseless accusations.', 'Ce n’est pas notre faute : ces accusations sont infondées.'],
    ['blaming', 'The outage was the fault of our supplier.', 'La panne est la faute de notre sous-traitant.'],
    ['speculation', 'The leak was probably caused by a phishing email.', 'La fuite aurait été causée par un courriel piégé.'],
    ['deletionOrBlocking', 'Offensive comments will be deleted and we will block users who insist.', 'Nous supprimerons les commentaires et bloquerons les comptes concernés.'],
    ['victimName', 'Our thoughts go to our employee Jean Martin and his family.', 'Nos pensées vont à notre salarié Jean Martin et à sa famille.'],
  ];
  for (const [rule, enText, frText] of avoidCases) {
    it(`flags ${rule} in English and French, with the offending words`, () => {
      const enFlag = en.check(enText).find((f) => f.rule === rule);
      const frFlag = fr.check(frText).find((f) => f.rule === rule);
      expect(enFlag?.excerpt, enText).toBeTruthy();
      expect(frFlag?.excerpt, frText).toBeTruthy();
      expect(enText.slice(enFlag!.start, enFlag!.end)).toBe(enFlag!.excerpt);
      expect(frText.slice(frFlag!.start, frFlag!.end)).toBe(frFlag!.excerpt);
    });
  }

  it('keeps offsets on the original text when accents are folded', () => {
    const text = 'Élément clé : ce n’était pas probablement prévu.';
    const flag = fr.check(text).find((f) => f.rule === 'speculation');
    expect(flag?.excerpt).toBe('probablement');
  });

  const requireCases: [DraftFlagRule, string, string, string, string][] = [
    [
      'missingEmpathy',
      GOOD_EN.replace('We are sorry for the disruption many of you experienced this morning. ', '').replace('We understand your frustration and w', 'W'),
      GOOD_EN,
      GOOD_FR.replace('Nous sommes désolés pour la gêne subie ce matin par beaucoup d’entre vous. ', '').replace('Nous comprenons votre agacement et répondrons', 'Nous répondrons'),
      GOOD_FR,
    ],
    [
      'missingNextUpdate',
      GOOD_EN.replace('Next update at 14:00 today on this account.', 'We will share more soon.'),
      GOOD_EN,
      GOOD_FR.replace('Prochain point à 14 h aujourd’hui sur ce compte.', 'Nous en dirons plus bientôt.'),
      GOOD_FR,
    ],
    [
      'missingActions',
      'We are sorry. At 09:40 today payments failed. Next update at 14:00 today.',
      GOOD_EN,
      'Nous sommes désolés. À 9 h 40 les paiements ont échoué. Prochain point à 14 h aujourd’hui.',
      GOOD_FR,
    ],
    [
      'missingDateTime',
      'We are sorry: payments failed. Our teams are working on it and we will keep you posted.',
      GOOD_EN,
      'Nous sommes désolés : les paiements ont échoué. Nos équipes travaillent à les rétablir.',
      GOOD_FR,
    ],
  ];
  for (const [rule, enBad, enGood, frBad, frGood] of requireCases) {
    it(`flags ${rule} when absent, in English and French`, () => {
      expect(en.check(enBad).map((f) => f.rule)).toContain(rule);
      expect(fr.check(frBad).map((f) => f.rule)).toContain(rule);
      expect(en.check(enGood).map((f) => f.rule)).not.toContain(rule);
      expect(fr.check(frGood).map((f) => f.rule)).not.toContain(rule);
    });
  }

  it('flags a fact the crisis log has not verified yet, and not an unrelated one', () => {
    const unverified = [
      { id: 'e1', text: '3 000 comptes clients seraient concernés par la fuite' },
      { id: 'e2', text: 'Fire reported in the Lyon warehouse' },
    ];
    const frFlags = fr.check(`${GOOD_FR} Environ 3 000 comptes clients sont concernés.`, unverified);
    expect(frFlags.filter((f) => f.rule === 'unverifiedFact').map((f) => f.entryId)).toEqual(['e1']);
    const enFlags = en.check(`${GOOD_EN} A fire broke out in our Lyon warehouse.`, unverified);
    expect(enFlags.filter((f) => f.rule === 'unverifiedFact').map((f) => f.entryId)).toEqual(['e2']);
    expect(en.check(GOOD_EN, unverified).filter((f) => f.rule === 'unverifiedFact')).toEqual([]);
  });

  it('does not flag the neutral vocabulary of a good statement as aggressive or speculative', () => {
    expect(avoidedRules(GOOD_EN)).toEqual([]);
    expect(avoidedRules(GOOD_FR, fr)).toEqual([]);
  });
});

describe('draft check on the plan templates', () => {
  it('recognises the actions and next update of the pre-approved product-defect wording', () => {
    const frText =
      'Nous avons pris connaissance des signalements concernant la bouilloire K2. Nos équipes qualité analysent la situation. Nous ferons un point à 16 h 30 sur aurore.example/info.';
    const enText =
      'We are aware of the reports about the K2 kettle. Our quality teams are looking into it. We will update you at 16:30 on aurore.example/info.';
    const rulesOf = (flags: { rule: string }[]) => flags.map((f) => f.rule);
    expect(rulesOf(fr.check(frText))).not.toContain('missingActions');
    expect(rulesOf(fr.check(frText))).not.toContain('missingNextUpdate');
    expect(rulesOf(en.check(enText))).not.toContain('missingActions');
    expect(rulesOf(en.check(enText))).not.toContain('missingNextUpdate');
  });
});

describe('what counts as an action taken', () => {
  const actionFlagged = (checker: typeof en, text: string): boolean => checker.check(text).some((f) => f.rule === 'missingActions');

  const realActions: [string, string][] = [
    ['We took immediate steps to contain it.', 'Nous avons immédiatement pris des mesures pour le contenir.'],
    ['We have reached out to the person to understand what happened.', 'Nous avons pris contact avec la personne.'],
    ['Our teams and outside experts are working to restore them.', 'Nos équipes et des experts travaillent à les rétablir.'],
    ['We are establishing the facts rigorously.', 'Nous établissons les faits avec rigueur.'],
    ['We are checking where it comes from.', 'Nous vérifions son origine.'],
    ['The crisis cell is mobilised.', 'La cellule de crise est mobilisée.'],
    ['We are taking concrete measures with our bank partners.', 'Nous mettons en place une ligne dédiée.'],
  ];
  for (const [enText, frText] of realActions) {
    it(`accepts "${enText}" and "${frText}"`, () => {
      expect(actionFlagged(en, enText)).toBe(false);
      expect(actionFlagged(fr, frText)).toBe(false);
    });
  }

  const emptyWords: [string, string][] = [
    ['We are taking this very seriously.', 'Nous prenons cette situation très au sérieux.'],
    ['We have taken note of the reports.', 'Nous avons pris connaissance des signalements.'],
    ['We will take whatever measures are required.', 'Nous prendrons les mesures qui s’imposent.'],
    ['We are aware of the situation and we are committed to transparency.', 'Nous mettons tout en œuvre et restons mobilisés.'],
  ];
  for (const [enText, frText] of emptyWords) {
    it(`does not take "${enText}" or "${frText}" for an action`, () => {
      expect(actionFlagged(en, enText)).toBe(true);
      expect(actionFlagged(fr, frText)).toBe(true);
    });
  }
});

describe('elements owed by each kind of statement', () => {
  const reply = 'Thank you for reaching out, and sorry for the trouble. Could you send us a private message?';
  const memo = 'Dear colleagues, the crisis cell is mobilised. Next update at 16:00.';

  it('holds a reply to empathy only, and a statement without a kind to every element', () => {
    expect(en.check(reply, [], 'reply')).toEqual([]);
    expect(en.check(reply).map((f) => f.rule)).toEqual(expect.arrayContaining(['missingDateTime', 'missingActions', 'missingNextUpdate']));
    expect(en.check('Please send us a private message.', [], 'reply').map((f) => f.rule)).toEqual(['missingEmpathy']);
  });

  it('does not ask colleagues for a public apology, but does ask what is done and when they hear next', () => {
    expect(en.check(memo, [], 'internal_memo')).toEqual([]);
    expect(en.check('Dear colleagues, please stay discreet.', [], 'internal_memo').map((f) => f.rule)).toEqual(
      expect.arrayContaining(['missingActions', 'missingNextUpdate']),
    );
  });

  it('still flags words to avoid whatever the kind', () => {
    expect(en.check(`${reply} These trolls are pathetic.`, [], 'reply').map((f) => f.rule)).toContain('aggressive');
  });
});
