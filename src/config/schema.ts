/**
 * repro.yml: what to run, which parameters a /reproduce comment may set, where the results are and
 * how to read them, how to analyse them, and which claims of the paper to check.
 * Documented field by field in docs/config.md.
 */
import { z } from 'zod';

const scalar = z.union([z.string(), z.number(), z.boolean()]).transform(String);

/** A rule for one parameter a /reproduce comment may set. */
const allowRule = z.union([
  z.strictObject({ enum: z.array(scalar).min(1) }),
  z.strictObject({
    integer: z.strictObject({ min: z.number().int().optional(), max: z.number().int().optional() }),
  }),
  z.strictObject({
    regex: z.string().refine((r) => {
      try {
        new RegExp(r);
        return true;
      } catch {
        return false;
      }
    }, 'is not a valid regular expression'),
  }),
]);

export const COLUMNS = ['algorithm', 'dataset', 'seed', 'step', 'value'] as const;
export type Column = (typeof COLUMNS)[number];

const tolerance = z.union([
  z.number().nonnegative(),
  z.string().regex(/^\d+(\.\d+)?%$/, "is a number or a percentage like '5%'"),
]);

export const valueClaimSchema = z.strictObject({
  algorithm: z.string().min(1),
  dataset: z.string().min(1).default('default'),
  statistic: z.enum(['median', 'mean']).default('median'),
  value: z.number(),
  tolerance,
  description: z.string().optional(),
});

export const betterClaimSchema = z.strictObject({
  better: z.string().min(1),
  than: z.string().min(1),
  dataset: z.string().min(1).default('default'),
  description: z.string().optional(),
});

export const configSchema = z.strictObject({
  workflow: z.string().min(1).default('workflow.yaml'),
  parameters: z.record(z.string(), scalar).default({}),
  allow: z.record(z.string(), allowRule).default({}),
  results: z
    .strictObject({
      prefix: z.string().min(1).default('results'),
      format: z.enum(['auto', 'csv', 'jsonl']).default('auto'),
      columns: z
        .strictObject(
          Object.fromEntries(COLUMNS.map((c) => [c, z.string().min(1).optional()])) as Record<
            Column,
            z.ZodOptional<z.ZodString>
          >,
        )
        .default({}),
      metric: z.string().min(1).default('value'),
      direction: z.enum(['minimize', 'maximize']).default('minimize'),
    })
    .prefault({}),
  analysis: z
    .strictObject({
      alpha: z.number().gt(0).lt(1).default(0.05),
      paired: z.union([z.literal('auto'), z.boolean()]).default('auto'),
      control: z.string().min(1).optional(),
      /** Overrides of the default tests. */
      twoSample: z.enum(['auto', 'mann-whitney-u', 'wilcoxon-signed-rank']).default('auto'),
      omnibus: z.enum(['auto', 'kruskal-wallis', 'friedman', 'none']).default('auto'),
      method: z.enum(['auto', 'exact', 'asymptotic']).default('auto'),
      nanPolicy: z.enum(['raise', 'omit']).default('raise'),
    })
    .prefault({}),
  claims: z.array(z.union([betterClaimSchema, valueClaimSchema])).default([]),
  image: z
    .strictObject({
      dockerfile: z.string().min(1).default('Dockerfile'),
      context: z.string().min(1).default('.'),
      repository: z.string().min(1).optional(),
    })
    .prefault({}),
});

export type ReproConfig = z.infer<typeof configSchema>;
export type AllowRule = z.infer<typeof allowRule>;
export type ValueClaim = z.infer<typeof valueClaimSchema>;
export type BetterClaim = z.infer<typeof betterClaimSchema>;
export type Claim = ValueClaim | BetterClaim;

export function isBetterClaim(claim: Claim): claim is BetterClaim {
  return 'better' in claim;
}
