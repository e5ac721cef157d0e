import { parse } from 'csv-parse/sync';
import { inputError } from '../errors.js';

/** One row of tidy results: the contract between an experiment and Repro (docs/architecture.md). */
export interface TidyRow {
  algorithm: string;
  dataset: string;
  seed: string;
  step: number | undefined;
  value: number;
}

const REQUIRED = ['algorithm', 'seed', 'value'] as const;

/** Parses tidy CSV (with a header) or JSON lines; errors name file:line and the column. */
export function parseTidy(text: string, file: string): TidyRow[] {
  const jsonl = file.endsWith('.jsonl') || file.endsWith('.ndjson');
  const records: { line: number; record: Record<string, unknown> }[] = jsonl
    ? jsonLines(text, file)
    : csvRecords(text, file);
  return records.map(({ line, record }) => {
    for (const column of REQUIRED) {
      if (record[column] === undefined || record[column] === '')
        throw inputError(`${file}:${line}: column '${column}' is missing or empty.`);
    }
    const value = Number(record.value);
    if (record.value === null || !Number.isFinite(value))
      throw inputError(`${file}:${line}: value '${String(record.value)}' is not a finite number.`);
    const rawStep = record.step;
    const step = rawStep === undefined || rawStep === '' ? undefined : Number(rawStep);
    if (step !== undefined && !Number.isFinite(step))
      throw inputError(`${file}:${line}: step '${String(rawStep)}' is not a number.`);
    return {
      algorithm: String(record.algorithm),
      dataset: record.dataset === undefined || record.dataset === '' ? 'default' : String(record.dataset),
      seed: String(record.seed),
      step,
      value,
    };
  });
}

function csvRecords(text: string, file: string) {
  try {
    const rows = parse(text, { columns: true, skip_empty_lines: true, trim: true, info: true }) as {
      record: Record<string, string>;
      info: { lines: number };
    }[];
    return rows.map((r) => ({ line: r.info.lines, record: r.record }));
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw inputError(`${file}${line ? `:${line}` : ''}: not valid CSV: ${(err as Error).message}`);
  }
}

function jsonLines(text: string, file: string) {
  const out: { line: number; record: Record<string, unknown> }[] = [];
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    try {
      out.push({ line: i + 1, record: JSON.parse(raw) as Record<string, unknown> });
    } catch {
      throw inputError(`${file}:${i + 1}: not a JSON object.`);
    }
  });
  return out;
}

/** The final value of each run (algorithm, dataset, seed): its row with the largest step. */
export function finalValues(rows: readonly TidyRow[]): TidyRow[] {
  const last = new Map<string, TidyRow>();
  for (const row of rows) {
    const key = JSON.stringify([row.algorithm, row.dataset, row.seed]);
    const seen = last.get(key);
    if (!seen || (row.step ?? -Infinity) >= (seen.step ?? -Infinity)) last.set(key, row);
  }
  return [...last.values()];
}
