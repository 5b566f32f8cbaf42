// A sentence main reports to people, as a catalogue key and its values: each screen words it in its reader's
// language, while the English text travels beside it for logs and for callers that show text as it comes.
import { z } from 'zod';

export const wordingSchema = z.object({
  key: z.string(),
  values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type Wording = z.infer<typeof wordingSchema>;
