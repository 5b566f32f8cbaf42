import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { incidentArchiveJsonSchemaText } from '../../../../src/shared/domain/incidentArchiveJsonSchema';
import { ARCHIVE_TABLES } from '../../../../src/shared/domain/incidentArchive';
import { repoRoot } from '../../../support/paths';

const root = repoRoot;
const published = readFileSync(resolve(root, 'resources/archive/incident-archive.schema.json'), 'utf8');

const minimal = () => ({
  format: 'tocsin-incident-archive',
  version: 1,
  exportedAt: '2026-01-14T16:00:00.000Z',
  incidentId: '6f1c1a52-3f0e-4f43-9d8e-1d2a52c7b001',
  workspace: { kind: 'live', displayName: 'Tocsin', organisation: 'Banque Léman' },
  logHeadHash: null,
  window: { from: '2026-01-12T12:00:00.000Z', to: '2026-01-14T16:00:00.000Z' },
  tables: Object.fromEntries(ARCHIVE_TABLES.map((t) => [t, t === 'incidents' ? [{ id: '6f1c1a52-3f0e-4f43-9d8e-1d2a52c7b001', title: 'Fuite' }] : []])),
});

describe('published incident archive JSON Schema', () => {
  it('is up to date with the zod schema (regenerate: npx tsx scripts/writeArchiveSchema.ts)', () => {
    expect(published).toBe(incidentArchiveJsonSchemaText());
  });

  it('accepts a well-formed archive and rejects another format, a missing table or a non-scalar cell, with paths', () => {
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(published) as object);
    expect(validate(minimal()), JSON.stringify(validate.errors)).toBe(true);
    const broken = minimal() as Record<string, unknown> & { tables: Record<string, unknown[]> };
    broken.format = 'other';
    delete broken.tables.crisis_log;
    broken.tables.incidents = [{ id: 'x', nested: { no: 1 } }];
    expect(validate(broken)).toBe(false);
    const paths = (validate.errors ?? []).map((e) => e.instancePath);
    expect(paths).toContain('/format');
    expect(paths).toContain('/tables');
    expect(paths.some((p) => p.startsWith('/tables/incidents/0'))).toBe(true);
  });
});
