import { describe, expect, it } from 'vitest';
import { hashedFeatures } from '../../../../../src/main/features/tone/hashedFeatures';
import { loadLexicons } from '../../../../../src/main/features/tone/lexicon';
import { scoreWithLexicon } from '../../../../../src/main/features/tone/lexiconScorer';
import { ANALYSED_CHARS, ToneEnricher } from '../../../../../src/main/features/tone/toneEnricher';
import { ToneModel } from '../../../../../src/main/features/tone/toneModel';
import type { ToneClass } from '../../../../../src/shared/domain/storedMention';

const lex = loadLexicons();
const BUCKETS = 1 << 12;
const features = (text: string) => hashedFeatures(text, 'fr', scoreWithLexicon(text, lex.fr), BUCKETS);

// A workspace where "livraison offerte" is good news and "colis bloqué" is this brand's recurring complaint:
// vocabulary no generic lexicon scores.
const corrections: Array<[string, ToneClass]> = [];
for (let i = 0; i < 20; i += 1) {
  corrections.push([`colis toujours au relais depuis ${i + 2} jours`, 'negative']);
  corrections.push([`livraison offerte sur la commande ${i}`, 'positive']);
  corrections.push([`horaires du magasin ${i} mis à jour`, 'neutral']);
}

describe('local tone model', () => {
  it('learns a workspace vocabulary from corrections', () => {
    expect(scoreWithLexicon('colis toujours au relais', lex.fr).toneClass).not.toBe('negative');
    const model = ToneModel.train(corrections.map(([t, label]) => ({ features: features(t), label })), BUCKETS);
    expect(model.predict(features('mon colis est toujours au relais')).toneClass).toBe('negative');
    expect(model.predict(features('livraison offerte ce week-end')).toneClass).toBe('positive');
  });

  it('round-trips through its stored form and refuses a damaged blob', () => {
    const model = ToneModel.train(corrections.map(([t, label]) => ({ features: features(t), label })), BUCKETS);
    const copy = ToneModel.fromBuffer(model.toBuffer());
    const f = features("colis toujours au relais");
    expect(copy.probabilities(f)).toEqual(model.probabilities(f));
    expect(() => ToneModel.fromBuffer(model.toBuffer().subarray(0, 100))).toThrow(/size/);
  });

  it('the enricher uses the workspace model only for that workspace', () => {
    const model = ToneModel.train(corrections.map(([t, label]) => ({ features: features(t), label })), BUCKETS);
    const enricher = new ToneEnricher(lex, (ws) => (ws === 'live' ? model : null));
    const input = { text: 'Mon colis est toujours au relais de Lyon', language: 'fr' };
    expect(enricher.enrich({ ...input, workspaceId: 'live' }).toneClass).toBe('negative');
    expect(enricher.enrich({ ...input, workspaceId: 'exercise-1' }).toneClass).not.toBe('negative');
    expect(enricher.enrich({ text: 'Der Kundendienst ist leider sehr schlecht gewesen' })).toEqual({
      language: 'de',
      toneClass: null,
      toneScore: null,
    });
  });
});

describe('hostile input', () => {
  it('reads only the start of a huge post, so one item cannot stall ingestion', () => {
    const enricher = new ToneEnricher(lex);
    const huge = 'Scandale à la banque, fuite de données et arnaque. '.repeat(20_000) + ' Merci, service génial, bravo ! '.repeat(20_000);
    const result = enricher.enrich({ text: huge });
    expect(result).toEqual(enricher.enrich({ text: huge.slice(0, ANALYSED_CHARS) }));
    expect(result).toMatchObject({ language: 'fr', toneClass: 'negative' });
  });
});
