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
export function toTidyRow(record: Record<string, unknown>, where: string, columns: ColumnMap = {}): TidyRow {
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

/** The final value of each run (algorithm, dataset, seed): its row with the largest step. */
export function finalValues(rows: Iterable<TidyRow>): TidyRow[] {
  const last = new Map<string, TidyRow>();
  for (const row of rows) {
    const key = `${row.algorithm}\u0000${row.dataset}\u0000${row.seed}`;
    const seen = last.get(key);
    if (!seen || (row.step ?? -Infinity) >= (seen.step ?? -Infinity)) last.set(key, row);
  }
  return [...last.values()];
}
