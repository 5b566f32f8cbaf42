import { describe, expect, it } from 'vitest';
import { codeWord, wordSystemEntry } from '../../../../src/shared/crisisLog/wordSystemEntry';
import { systemLogEn, systemLogFr } from '../../../../src/shared/i18n/systemLog';

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('system entries of the crisis log in words', () => {
  it('words an entry in the reader’s language, codes and bilingual names included', () => {
    const data = { roleNameFr: 'Juriste', roleNameEn: 'Legal counsel', person: 'Zoé Müller', state: 'onDuty' };
    expect(wordSystemEntry('role.duty', data, 'fr')).toBe('Juriste (Zoé Müller)\u202f: de service');
    expect(wordSystemEntry('role.duty', data, 'en')).toBe('Legal counsel (Zoé Müller): on duty');
    expect(wordSystemEntry('alert.opened', { watch: 'Banque Léman', level: 'crisis' }, 'fr')).toBe('Détection\u202f: Banque Léman → crise');
    expect(wordSystemEntry('composer.rejected', { person: 'Bruno', role: 'legal', title: 'Attente', reason: 'trop vague' }, 'fr')).toBe(
      'Bruno (Juridique) a refusé «\u202fAttente\u202f»\u202f: trop vague',
    );
    expect(wordSystemEntry('composer.drafted', { person: 'Léa', title: 'Attente', kind: 'holding' }, 'fr')).toBe(
      'Léa a rédigé la déclaration «\u202fAttente\u202f» (Message d’attente).',
    );
  });

  it('leaves out optional parts whose values are empty, and gives up (null) when a needed value is missing', () => {
    const base = { title: 'Attente', channel: 'mastodon', language: 'fr' };
    expect(wordSystemEntry('composer.published', base, 'en')).toBe('“Attente” was published on Mastodon (fr).');
    expect(wordSystemEntry('composer.published', { ...base, url: 'https://m.example/@cell/1', person: 'Camille' }, 'en')).toBe(
      '“Attente” was published on Mastodon (fr), confirmed by Camille: https://m.example/@cell/1.',
    );
    expect(wordSystemEntry('composer.published', { channel: 'mastodon', language: 'fr' }, 'en')).toBeNull();
    expect(wordSystemEntry('no.such.code', base, 'en')).toBeNull();
    expect(wordSystemEntry(null, base, 'en')).toBeNull();
  });

  it('puts the start of an incident’s scope in the reader’s date format and zone, not as a stored ISO instant', () => {
    const data = { watches: 'Fuite de données', start: '2026-03-28T09:40:00.000Z' };
    expect(wordSystemEntry('incident.scope', data, 'fr', 'Europe/Zurich')).toBe('Périmètre\u202f: Fuite de données depuis le 28 mars 2026, 10:40');
    expect(wordSystemEntry('incident.scope', data, 'en', 'Europe/London')).toBe('Scope: Fuite de données from 28 Mar 2026, 09:40');
  });

  it('shows values as written, even when they look like placeholders', () => {
    expect(wordSystemEntry('alert.dismissed', { watch: '{{reason}} [[x]]', reason: 'doublon' }, 'en')).toBe('Alert dismissed: {{reason}} [[x]] — doublon');
    expect(codeWord('stabilised', 'fr')).toBe('stabilisée');
    expect(codeWord('Zoé', 'fr')).toBe('Zoé');
  });

  it('puts a screen’s no-name placeholder and the draft-check codes in the reader’s words', () => {
    const data = { person: 'Someone at this computer', role: 'legal', title: 'Attente', hash: 'abc', openFlags: 'fr:missingEmpathy,en:speculation' };
    expect(wordSystemEntry('composer.approved', data, 'fr')).toBe(
      'Quelqu’un sur ce poste (Juridique) a validé «\u202fAttente\u202f» (texte abc). Le contrôle signale encore\u202f: FR Pas d’empathie, EN Spéculation.',
    );
    expect(wordSystemEntry('composer.drafted', { person: 'Opérateur sans nom', title: 'Note', kind: 'holding' }, 'en')).toMatch(/^Unnamed operator drafted/);
  });

  it('asks the same values of the French and English wording of every code', () => {
    for (const code of Object.keys(systemLogEn) as Array<keyof typeof systemLogEn>) {
      expect(placeholders(systemLogFr[code]), code).toEqual(placeholders(systemLogEn[code]));
    }
  });
});
