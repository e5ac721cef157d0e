import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parse as parseCsvLine } from 'csv-parse/sync';
import { inputError } from '../errors.js';
import {
  type ColumnMap,
  type NonFinitePolicy,
  NonFiniteValue,
  rowFromFields,
  type TidyRow,
  toTidyRow,
} from './tidy.js';

export type ResultFormat = 'auto' | 'csv' | 'jsonl';

export function formatOf(file: string, format: ResultFormat): 'csv' | 'jsonl' {
  if (format !== 'auto') return format;
  return /\.(jsonl|ndjson)$/i.test(file) ? 'jsonl' : 'csv';
}

const BATCH = 8192;

export interface ReadOptions {
  format?: ResultFormat;
  columns?: ColumnMap;
  /** 'omit' drops rows whose value is NaN or infinite, counting them in `dropped`. */
  nonFinite?: NonFinitePolicy;
  dropped?: { count: number };
  /** How errors name the file (a path or a store key). */
  label?: string;
}

/**
 * Streams the tidy rows of one file (CSV with a header, or JSON lines) in batches, never holding
 * the whole file in memory.
 */
export async function* readTidyFile(file: string, options: ReadOptions = {}): AsyncGenerator<TidyRow[]> {
  const label = options.label ?? file;
  const keep: Keep = (make, batch) => {
    try {
      batch.push(make());
    } catch (err) {
      if (!(err instanceof NonFiniteValue)) throw err;
      if (options.dropped) options.dropped.count++;
    }
  };
  if (formatOf(file, options.format ?? 'auto') === 'jsonl') yield* readJsonLines(file, label, options, keep);
  else yield* readCsv(file, label, options, keep);
}

/** Adds a row to a batch, or counts it as dropped under nanPolicy 'omit'. */
type Keep = (make: () => TidyRow, batch: TidyRow[]) => void;

async function* readJsonLines(
  file: string,
  label: string,
  options: ReadOptions,
  keep: Keep,
): AsyncGenerator<TidyRow[]> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let batch: TidyRow[] = [];
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      throw inputError(`${label}:${n}: not valid JSON: ${line.slice(0, 80)}`);
    }
    if (!record || typeof record !== 'object' || Array.isArray(record))
      throw inputError(`${label}:${n}: expected a JSON object per line.`);
    const where = `${label}:${n}`;
    keep(
      () => toTidyRow(record as Record<string, unknown>, where, options.columns, options.nonFinite),
      batch,
    );
    if (batch.length >= BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/** Fields of one CSV record: a plain split when it has no quotes (most lines), csv-parse otherwise. */
function fieldsOf(record: string, where: string): string[] {
  if (!record.includes('"')) {
    const fields = record.split(',');
    return record.includes(' ') || record.includes('\t') ? fields.map((f) => f.trim()) : fields;
  }
  try {
    return (parseCsvLine(record, { trim: true, relax_column_count: true }) as string[][])[0] ?? [];
  } catch (err) {
    throw inputError(`${where}: not valid CSV: ${(err as Error).message}`);
  }
}

/**
 * CSV (RFC 4180, with a header row), read in chunks and split into lines by hand: csv-parse's
 * per-record streaming costs ~7 µs a row, too slow for a million rows, so it only parses the lines
 * that hold quotes. A quoted field spanning lines is joined before parsing.
 */
async function* readCsv(
  file: string,
  label: string,
  options: ReadOptions,
  keep: Keep,
): AsyncGenerator<TidyRow[]> {
  let header: string[] | undefined;
  let rest = '';
  let lineNo = 0;
  let pending = '';
  let pendingStart = 0;
  const intern = new Map<string, string>();
  let batch: TidyRow[] = [];
  const take = (line: string) => {
    lineNo++;
    if (pending) {
      pending += `\n${line}`;
      if ((pending.split('"').length - 1) % 2 === 1) return;
      line = pending;
      pending = '';
    } else if (line.includes('"') && (line.split('"').length - 1) % 2 === 1) {
      pending = line;
      pendingStart = lineNo;
      return;
    }
    const start = pendingStart && line.includes('\n') ? pendingStart : lineNo;
    pendingStart = 0;
    if (line.trim() === '') return;
    const where = `${label}:${start}`;
    const fields = fieldsOf(line.endsWith('\r') ? line.slice(0, -1) : line, where);
    if (!header) {
      header = fields.map((f, i) => (i === 0 ? f.replace(/^\uFEFF/, '') : f));
      return;
    }
    if (fields.length !== header.length)
      throw inputError(
        `${where}: has ${fields.length} fields, but the header has ${header.length} (${header.join(', ')}).`,
      );
    const head = header;
    keep(() => rowFromFields(fields, head, where, options.columns, intern, options.nonFinite), batch);
  };
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) take(line);
    if (batch.length >= BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (rest) take(rest);
  if (pending) throw inputError(`${label}:${pendingStart}: a quoted field is never closed.`);
  if (!header)
    throw inputError(`${label}: empty; expected a header row (algorithm,dataset,seed,step,value).`);
  if (batch.length) yield batch;
}
