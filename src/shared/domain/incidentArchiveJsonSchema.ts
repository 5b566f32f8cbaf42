// The published JSON Schema of the incident archive, derived from the zod schema so the two cannot drift
// (resources/archive/incident-archive.schema.json is checked against this by a test).
import { z } from 'zod';
import { ARCHIVE_VERSION, incidentArchiveSchema } from './incidentArchive';

export function incidentArchiveJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(incidentArchiveSchema, { io: 'input', target: 'draft-2020-12' });
  return {
    ...schema,
    $id: `https://tocsin.invalid/schemas/incident-archive-v${ARCHIVE_VERSION}.json`,
    title: 'Tocsin incident archive',
    description:
      'One incident exported for review on another laptop: its rows from each table as stored (column → value), the whole crisis log chain (chained across the workspace, so every record is needed to verify it) with the head hash at export, the alerts, watches and aggregated series of the period, and the lessons-learned answers. Tocsin imports it only into an empty workspace and keeps it only if the chain verifies to the declared head hash.',
  };
}

export const incidentArchiveJsonSchemaText = (): string => `${JSON.stringify(incidentArchiveJsonSchema(), null, 2)}\n`;
