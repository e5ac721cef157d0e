import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { inputError } from '../errors.js';

/** "1, 2.5 3e-2" or ["1", "2"] → numbers, naming the bad token if any. */
export function parseNumberList(raw: string | string[], flag: string): number[] {
  const tokens = (Array.isArray(raw) ? raw.join(' ') : raw).split(/[\s,;]+/).filter((t) => t !== '');
  return tokens.map((token, i) => {
    const value = Number(token);
    if (!Number.isFinite(value) && !['NaN', 'nan', 'Infinity', '-Infinity', 'inf', '-inf'].includes(token)) {
      throw inputError(
        `${flag}: value ${i + 1} '${token}' is not a number.`,
        `Give numbers separated by commas or spaces, e.g. ${flag} 0.91,0.87,0.95`,
      );
    }
    return token.toLowerCase().includes('inf') ? (token.startsWith('-') ? -Infinity : Infinity) : value;
  });
}

export interface NumericTable {
  file: string;
  columns: string[];
  /** Label column values, if one was named or detected. */
  labels: string[] | undefined;
  /** rows[i][j]: row i, numeric column j. */
  rows: number[][];
}

/**
 * A CSV with a header row. Every column but the label column must hold numbers; errors give
 * file:line and the column name.
 */
export function readNumericTable(file: string, labelColumn?: string): NumericTable {
  let records: string[][];
  try {
    records = parse(readFileSync(file, 'utf8'), {
      skip_empty_lines: true,
      trim: true,
      relax_column_count: false,
    });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw inputError(`${file}: no such file.`);
    const line = (err as { lines?: number }).lines;
    throw inputError(`${file}${line ? `:${line}` : ''}: not a valid CSV: ${(err as Error).message}`);
  }
  const [header, ...body] = records;
  if (!header || body.length === 0)
    throw inputError(`${file}: needs a header row and at least one data row.`);
  const firstIsText = body.some((row) => row[0] !== undefined && Number.isNaN(Number(row[0])));
  const label = labelColumn ?? (firstIsText ? header[0] : undefined);
  const labelIndex = label === undefined ? -1 : header.indexOf(label);
  if (label !== undefined && labelIndex === -1) {
    throw inputError(`${file}: no column '${label}'; the header has ${header.join(', ')}.`);
  }
  const columns = header.filter((_, j) => j !== labelIndex);
  const rows = body.map((row, i) =>
    row
      .filter((_, j) => j !== labelIndex)
      .map((cell, j) => {
        const value = Number(cell);
        if (cell === '' || (Number.isNaN(value) && cell !== 'NaN')) {
          throw inputError(
            `${file}:${i + 2}: column '${columns[j]}' holds '${cell}', which is not a number.`,
          );
        }
        return value;
      }),
  );
  return {
    file,
    columns,
    labels: labelIndex === -1 ? undefined : body.map((row) => row[labelIndex] ?? ''),
    rows,
  };
}

/** Two named columns of a table, as x and y. */
export function pickColumns(table: NumericTable, names: string[]): number[][] {
  return names.map((name) => {
    const j = table.columns.indexOf(name);
    if (j === -1)
      throw inputError(
        `${table.file}: no column '${name}'; numeric columns are ${table.columns.join(', ')}.`,
      );
    return table.rows.map((row) => row[j] as number);
  });
}
