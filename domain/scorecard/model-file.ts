// The early-warning scorecard's model file (docs/early-warning.md): what `npm run model -- train` writes and
// what scoring reads. Versioned so a file written today is still read, or refused by name, later.
//
// The scale: points are log-odds of churn times POINTS_TO_DOUBLE_ODDS / ln 2, so 20 points more means the
// odds of leaving are twice as high. A customer's score is the logistic model's probability:
//   score = 1 / (1 + exp(-(intercept + sum of the customer's points) * ln 2 / 20)).
import { z } from 'zod';

export const SCORECARD_FORMAT = 'holdfast-scorecard';
export const SCORECARD_FORMAT_VERSION = 1;
export const POINTS_TO_DOUBLE_ODDS = 20;

const points = z.number().finite();
const share = z.number().min(0).max(1);
const count = z.number().int().min(0);

// One bin of a numeric attribute: the values above `above` up to and including `upTo` (null: no bound).
const numericBin = z.object({
  above: z.number().finite().nullable(),
  upTo: z.number().finite().nullable(),
  points,
  customers: count,
  churnRate: share,
});

const numericFeature = z
  .object({
    name: z.string().min(1),
    kind: z.literal('numeric'),
    bins: z.array(numericBin).min(1),
    missingPoints: points,
    averagePoints: points,
  })
  .superRefine((feature, ctx) => {
    feature.bins.forEach((bin, i) => {
      const first = i === 0;
      const last = i === feature.bins.length - 1;
      if (first !== (bin.above === null))
        ctx.addIssue({ code: 'custom', path: ['bins', i, 'above'], message: 'only the first bin has no lower bound' });
      if (last !== (bin.upTo === null))
        ctx.addIssue({ code: 'custom', path: ['bins', i, 'upTo'], message: 'only the last bin has no upper bound' });
      const next = feature.bins[i + 1];
      if (next && bin.upTo !== next.above)
        ctx.addIssue({ code: 'custom', path: ['bins', i + 1, 'above'], message: 'must equal the previous bin’s upTo' });
      if (bin.above !== null && bin.upTo !== null && bin.upTo <= bin.above)
        ctx.addIssue({ code: 'custom', path: ['bins', i, 'upTo'], message: 'must be greater than above' });
    });
  });

const category = z.object({ value: z.string(), points, customers: count, churnRate: share });

const categoricalFeature = z
  .object({
    name: z.string().min(1),
    kind: z.literal('categorical'),
    categories: z.array(category).min(1),
    // Values seen too rarely in training to have points of their own, and values never seen.
    otherPoints: points,
    missingPoints: points,
    averagePoints: points,
  })
  .superRefine((feature, ctx) => {
    const seen = new Set<string>();
    feature.categories.forEach((c, i) => {
      if (seen.has(c.value))
        ctx.addIssue({ code: 'custom', path: ['categories', i, 'value'], message: `"${c.value}" appears twice` });
      seen.add(c.value);
    });
  });

const feature = z.discriminatedUnion('kind', [numericFeature, categoricalFeature]);

const calibrationRow = z.object({
  decile: z.number().int().min(1).max(10),
  customers: count,
  predicted: share,
  observed: share,
});

export const scorecardSchema = z
  .object({
    format: z.literal(SCORECARD_FORMAT),
    formatVersion: z.literal(SCORECARD_FORMAT_VERSION),
    label: z.string().min(1),
    idColumn: z.string().min(1).nullable(),
    trainedAt: z.iso.datetime(),
    pointsToDoubleOdds: z.literal(POINTS_TO_DOUBLE_ODDS),
    intercept: points,
    features: z.array(feature).min(1),
    // Columns of the training file the model does not use, each with why (shown to whoever trained it).
    ignoredColumns: z.array(z.object({ name: z.string(), reason: z.string() })),
    training: z.object({
      rows: count,
      churnRate: share,
      // The L2 penalty on the log-odds of each bin, chosen by cross-validation on the training rows.
      regularisation: z.number().min(0),
      seed: z.number().int(),
      holdoutShare: share,
    }),
    // Figures on the held-out customers, whom training never saw.
    validation: z.object({
      rows: count,
      churnRate: share,
      auc: share,
      topDecileChurnRate: share,
      calibration: z.array(calibrationRow),
    }),
  })
  .superRefine((model, ctx) => {
    const names = new Set<string>();
    model.features.forEach((f, i) => {
      if (names.has(f.name))
        ctx.addIssue({ code: 'custom', path: ['features', i, 'name'], message: `"${f.name}" is used twice` });
      if (f.name === model.label)
        ctx.addIssue({
          code: 'custom',
          path: ['features', i, 'name'],
          message: `"${f.name}" is the label, not an attribute`,
        });
      names.add(f.name);
    });
  });

export type Scorecard = z.infer<typeof scorecardSchema>;
export type ScorecardFeature = Scorecard['features'][number];
export type NumericFeature = Extract<ScorecardFeature, { kind: 'numeric' }>;
export type CategoricalFeature = Extract<ScorecardFeature, { kind: 'categorical' }>;
export type Validation = Scorecard['validation'];

export interface FieldError {
  field: string;
  message: string;
}

// A model file as read from disk or a request: the model, or every field at fault. A file that fails here
// cannot be activated.
export function validateModel(json: unknown): { ok: true; model: Scorecard } | { ok: false; errors: FieldError[] } {
  const parsed = scorecardSchema.safeParse(json);
  if (parsed.success) return { ok: true, model: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => ({
      field: issue.path.map(String).join('.') || '(file)',
      message: issue.message,
    })),
  };
}
