import { COLUMNS as COLUMN_NAMES, type Column } from '../config/schema.js';
import { inputError } from '../errors.js';

/** One row of tidy results: the contract between an experiment and Repro (docs/architecture.md). */
export interface TidyRow {
  algorithm: string;
  dataset: string;
  seed: string;
  step: number | undefined;
  value: number;
  /** Columns beyond the tidy ones: kept in the merged CSV, ignored by the statistics. */
  extra?: Record<string, string>;
}

/** Which field of a record holds each tidy column (repro.yml results.columns). */
export type ColumnMap = Partial<Record<Column, string>>;

/** Turns one parsed record into a row; errors name file:line and the column. */
/** What to do with a row whose value is NaN or infinite: stop with an error, or drop it (counted). */
export type NonFinitePolicy = 'raise' | 'omit';

/** Thrown for a non-finite value under 'omit', so the reader can count and skip the row. */
export class NonFiniteValue extends Error {}

export function toTidyRow(
  record: Record<string, unknown>,
  where: string,
  columns: ColumnMap = {},
  nonFinite: NonFinitePolicy = 'raise',
): TidyRow {
  const field = (c: Column) => columns[c] ?? c;
  const get = (c: Column) => record[field(c)];
  for (const c of ['algorithm', 'seed', 'value'] as const) {
    const v = get(c);
    if (v === undefined || v === null || v === '') {
      const present = Object.keys(record).join(', ');
      throw inputError(
        `${where}: column '${field(c)}' (${c}) is missing or empty; the record has: ${present}.`,
        'Map your column names in repro.yml under results.columns.',
      );
    }
  }
  const rawValue = get('value');
  const value = typeof rawValue === 'number' ? rawValue : Number(rawValue);
  if (!Number.isFinite(value) && nonFinite === 'omit') throw new NonFiniteValue();
  if (!Number.isFinite(value)) {
    throw inputError(
      `${where}: ${field('value')} '${String(rawValue)}' is not a finite number.`,
      'Fix the run, or set analysis.nanPolicy: omit in repro.yml to drop such runs.',
    );
  }
  const rawStep = get('step');
  const step = rawStep === undefined || rawStep === null || rawStep === '' ? undefined : Number(rawStep);
  if (step !== undefined && !Number.isFinite(step))
    throw inputError(`${where}: ${field('step')} '${String(rawStep)}' is not a number.`);
  const dataset = get('dataset');
  const row: TidyRow = {
    algorithm: String(get('algorithm')),
    dataset: dataset === undefined || dataset === null || dataset === '' ? 'default' : String(dataset),
    seed: String(get('seed')),
    step,
    value,
  };
  const known = new Set(COLUMN_NAMES.map(field));
  for (const key in record) {
    if (!known.has(key)) {
      row.extra ??= {};
      row.extra[key] =
        typeof record[key] === 'string' ? (record[key] as string) : JSON.stringify(record[key]);
    }
  }
  return row;
}

/** Where each tidy column sits in a CSV header, given the column map; a missing required column throws. */
function headerIndex(
  header: readonly string[],
  where: string,
  columns: ColumnMap | undefined,
): Record<Column, number> {
  const index = {} as Record<Column, number>;
  for (const c of COLUMN_NAMES) index[c] = header.indexOf(columns?.[c] ?? c);
  for (const c of ['algorithm', 'seed', 'value'] as const) {
    if (index[c] === -1) {
      throw inputError(
        `${where}: no column '${columns?.[c] ?? c}' (${c}) in the header: ${header.join(', ')}.`,
        'Map your column names in repro.yml under results.columns.',
      );
    }
  }
  return index;
}

interface HeaderLayout {
  index: Record<Column, number>;
  /** Columns beyond the tidy ones, kept in the merged CSV. */
  extras: number[];
}

const layoutCache = new WeakMap<readonly string[], HeaderLayout>();

/**
 * A row from the fields of a CSV record. Repeated strings (algorithm, dataset, seed) are interned,
 * so a million rows share a few hundred string objects.
 */
export function rowFromFields(
  fields: readonly string[],
  header: readonly string[],
  where: string,
  columns: ColumnMap | undefined,
  intern: Map<string, string>,
  nonFinite: NonFinitePolicy = 'raise',
): TidyRow {
  let layout = layoutCache.get(header);
  if (!layout) {
    const idx = headerIndex(header, where.replace(/:\d+$/, ':1'), columns);
    const used = new Set(Object.values(idx));
    layout = { index: idx, extras: header.map((_, i) => i).filter((i) => !used.has(i)) };
    layoutCache.set(header, layout);
  }
  const { index, extras } = layout;
  const share = (s: string) => {
    const seen = intern.get(s);
    if (seen !== undefined) return seen;
    intern.set(s, s);
    return s;
  };
  const algorithm = fields[index.algorithm] as string;
  const seed = fields[index.seed] as string;
  const rawValue = fields[index.value] as string;
  if (algorithm === '' || seed === '')
    throw inputError(
      `${where}: column '${algorithm === '' ? header[index.algorithm] : header[index.seed]}' is empty.`,
    );
  const value = rawValue === '' ? Number.NaN : Number(rawValue);
  if (!Number.isFinite(value) && nonFinite === 'omit') throw new NonFiniteValue();
  if (!Number.isFinite(value)) {
    throw inputError(
      `${where}: ${header[index.value]} '${rawValue}' is not a finite number.`,
      'Fix the run, or set analysis.nanPolicy: omit in repro.yml to drop such runs.',
    );
  }
  const rawStep = index.step === -1 ? '' : (fields[index.step] as string);
  const step = rawStep === '' ? undefined : Number(rawStep);
  if (step !== undefined && !Number.isFinite(step))
    throw inputError(`${where}: ${header[index.step]} '${rawStep}' is not a number.`);
  const dataset =
    index.dataset === -1 || fields[index.dataset] === '' ? 'default' : (fields[index.dataset] as string);
  const row: TidyRow = {
    algorithm: share(algorithm),
    dataset: share(dataset),
    seed: share(seed),
    step,
    value,
  };
  if (extras.length)
    row.extra = Object.fromEntries(extras.map((i) => [header[i] as string, fields[i] as string]));
  return row;
}

export interface RunIndex {
  /** The final value of each run (algorithm, dataset, seed): its row with the largest step. */
  finals: TidyRow[];
  /** "algorithm / dataset / seed N / step S" → how many rows share it, for keys seen more than once. */
  duplicates: Map<string, number>;
}

/**
 * One pass over all rows: each run's final row, and the duplicated (algorithm, dataset, seed, step)
 * keys. Nested maps on the (interned) strings avoid building a key string per row.
 */
export function indexRuns(rows: Iterable<TidyRow>): RunIndex {
  const runs = new Map<string, Map<string, Map<string, { last: TidyRow; steps: Set<number | undefined> }>>>();
  const duplicates = new Map<string, number>();
  for (const row of rows) {
    let byDataset = runs.get(row.algorithm);
    if (!byDataset) {
      byDataset = new Map();
      runs.set(row.algorithm, byDataset);
    }
    let bySeed = byDataset.get(row.dataset);
    if (!bySeed) {
      bySeed = new Map();
      byDataset.set(row.dataset, bySeed);
    }
    const run = bySeed.get(row.seed);
    if (!run) {
      bySeed.set(row.seed, { last: row, steps: new Set([row.step]) });
      continue;
    }
    if (run.steps.has(row.step)) {
      const key = `${row.algorithm} / ${row.dataset} / seed ${row.seed}${row.step !== undefined ? ` / step ${row.step}` : ''}`;
      duplicates.set(key, (duplicates.get(key) ?? 1) + 1);
    } else run.steps.add(row.step);
    if ((row.step ?? -Infinity) >= (run.last.step ?? -Infinity)) run.last = row;
  }
  const finals: TidyRow[] = [];
  for (const byDataset of runs.values())
    for (const bySeed of byDataset.values()) for (const run of bySeed.values()) finals.push(run.last);
  return { finals, duplicates };
}
