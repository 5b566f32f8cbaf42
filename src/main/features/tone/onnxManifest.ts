// The manifest that sits beside an approved ONNX tone model: what its input expects and what its outputs mean.
import { z } from 'zod';
import { toneClassSchema } from '../../../shared/domain/storedMention';

export const MANIFEST_FILE = 'tone-model.json';
export const MODEL_FILE = 'model.onnx';
/** A vocabulary past this size is no bag-of-words tone model a firm would approve; it is refused before it is read. */
const MAX_VOCABULARY = 200_000;

const tensorName = z.string().min(1).max(200);

export const onnxManifestSchema = z
  .object({
    format: z.literal('tocsin-tone-model'),
    version: z.literal(1),
    /** Which tone each output column stands for, in the model's order. */
    labels: z.array(toneClassSchema).min(2).max(3),
    languages: z.array(z.enum(['fr', 'en'])).min(1).max(2),
    input: z
      .object({
        name: tensorName,
        /** Word counts over the vocabulary, a float32 tensor [batch, vocabulary length]. */
        kind: z.literal('bagOfWords'),
        vocabulary: z.array(z.string().min(1).max(100)).min(1).max(MAX_VOCABULARY),
        lowercase: z.boolean().default(true),
        foldAccents: z.boolean().default(true),
      })
      .strict(),
    output: z
      .object({
        name: tensorName,
        /** `softmax`: the output holds probabilities; `logits`: Tocsin applies the softmax. */
        activation: z.enum(['softmax', 'logits']),
      })
      .strict(),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (new Set(m.labels).size !== m.labels.length) ctx.addIssue({ code: 'custom', path: ['labels'], params: { wording: 'detection.toneBackend.problems.duplicateLabels' } });
    if (!m.labels.includes('negative') || !m.labels.includes('positive'))
      ctx.addIssue({ code: 'custom', path: ['labels'], params: { wording: 'detection.toneBackend.problems.missingPolarity' } });
    if (new Set(m.input.vocabulary).size !== m.input.vocabulary.length)
      ctx.addIssue({ code: 'custom', path: ['input', 'vocabulary'], params: { wording: 'detection.toneBackend.problems.duplicateWords' } });
  });

export type OnnxManifest = z.infer<typeof onnxManifestSchema>;
