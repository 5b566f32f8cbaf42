// French typography: narrow no-break spaces before high punctuation and inside guillemets, in everything main
// words through its i18next instance; English and values without spaces (times, links) are left alone.
import { describe, expect, it } from 'vitest';
import { frenchTypography } from '../../../src/shared/i18n/frenchTypography';
import { translator } from '../../../src/main/platform/i18n/translator';

const N = '\u202f';

describe('French typography', () => {
  it('puts a narrow no-break space before : ; ! ? and inside guillemets, and leaves times and links alone', () => {
    expect(frenchTypography('Statut : ouvert ; vraiment ? Oui ! « Attente »')).toBe(`Statut${N}: ouvert${N}; vraiment${N}? Oui${N}! «${N}Attente${N}»`);
    expect(frenchTypography('«Attente» à 14:30, voir https://example.org/a?b=1')).toBe(`«${N}Attente${N}» à 14:30, voir https://example.org/a?b=1`);
    expect(frenchTypography(`Déjà${N}: fait`)).toBe(`Déjà${N}: fait`);
  });

  it('applies to French from main’s translator, with plurals, locale numbers and interpolated values, and not to English', () => {
    const fr = translator('fr');
    expect(fr('reports.pdf.lessons.intro', { count: 1 })).toBe('1 contribution au retour d’expérience enregistrée dans cet espace.');
    expect(fr('reports.pdf.lessons.intro', { count: 3 })).toBe('3 contributions au retour d’expérience enregistrées dans cet espace.');
    expect(fr('incidents.overview.whySignal.negativeShare', { value: 4.75, reference: 1 })).toBe('Part négative 4,8 % (habituellement 1 %)');
    expect(fr('reports.pdf.generated', { date: 'x' })).toBe('Généré le x');
    expect(fr('reports.pdf.classification')).toBe(`Classification${N}: CONFIDENTIEL — cellule de crise uniquement`);
    expect(translator('en')('reports.pdf.classification')).toBe('Classification: CONFIDENTIAL — crisis cell only');
    expect(translator('en')('reports.pdf.lessons.intro', { count: 1 })).toBe('1 lessons-learned answer recorded in this workspace.');
  });
});
