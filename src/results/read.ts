import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';
import { inputError } from '../errors.js';
import { type ColumnMap, type TidyRow, toTidyRow } from './tidy.js';

export type ResultFormat = 'auto' | 'csv' | 'jsonl';

export function formatOf(file: string, format: ResultFormat): 'csv' | 'jsonl' {
  if (format !== 'auto') return format;
  return /\.(jsonl|ndjson)$/i.test(file) ? 'jsonl' : 'csv';
}

/**
 * Streams the tidy rows of one file (CSV with a header, or JSON lines), never holding the whole
 * file in memory. `label` is how errors name the file (a path or a store key).
 */
export async function* readTidyFile(
  file: string,
  options: { format?: ResultFormat; columns?: ColumnMap; label?: string } = {},
): AsyncGenerator<TidyRow> {
  const label = options.label ?? file;
  if (formatOf(file, options.format ?? 'auto') === 'jsonl') {
    const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
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
      yield toTidyRow(record as Record<string, unknown>, `${label}:${n}`, options.columns);
    }
    return;
  }
  const parser = createReadStream(file).pipe(
    parse({ columns: true, skip_empty_lines: true, trim: true, info: true, bom: true }),
  );
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      yield toTidyRow(record, `${label}:${info.lines}`, options.columns);
    }
  } catch (err) {
    if ((err as { code?: string }).code?.startsWith('CSV_')) {
      const line = (err as { lines?: number }).lines;
      throw inputError(`${label}${line ? `:${line}` : ''}: not valid CSV: ${(err as Error).message}`);
    }
    throw err;
  }
}
