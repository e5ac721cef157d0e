import { inputError } from '../errors.js';
import type { NanPolicy } from './types.js';

function describeBad(v: number): string {
  return Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
}

/** Returns the finite values of a sample, or throws naming the first bad one. */
export function finiteSample(values: readonly number[], name: string, policy: NanPolicy = 'raise'): number[] {
  if (policy === 'omit') {
    const kept = values.filter(Number.isFinite);
    if (kept.length === 0) throw inputError(`${name} has no finite values.`);
    return kept;
  }
  values.forEach((v, i) => {
    if (!Number.isFinite(v)) {
      throw inputError(
        `${name}[${i}] is ${describeBad(v)}; statistics need finite numbers.`,
        "Fix the run that produced it, or pass nanPolicy: 'omit' to drop such values.",
      );
    }
  });
  if (values.length === 0) throw inputError(`${name} is empty; a test needs at least one value.`);
  return [...values];
}

/** Paired samples: omitting drops the whole pair, so pairs never shift against each other. */
export function finitePairs(
  x: readonly number[],
  y: readonly number[],
  policy: NanPolicy = 'raise',
): { x: number[]; y: number[] } {
  if (x.length !== y.length) {
    throw inputError(
      `Paired samples must have equal length; x has ${x.length} values and y has ${y.length}.`,
    );
  }
  const keptX: number[] = [];
  const keptY: number[] = [];
  for (let i = 0; i < x.length; i++) {
    const a = x[i] as number;
    const b = y[i] as number;
    if (Number.isFinite(a) && Number.isFinite(b)) {
      keptX.push(a);
      keptY.push(b);
    } else if (policy === 'raise') {
      const [side, v] = Number.isFinite(a) ? ['y', b] : ['x', a];
      throw inputError(
        `${side}[${i}] is ${describeBad(v)}; statistics need finite numbers.`,
        "Fix the run that produced it, or pass nanPolicy: 'omit' to drop the whole pair.",
      );
    }
  }
  if (keptX.length === 0)
    throw inputError('No complete pair of finite values; a paired test needs at least one.');
  return { x: keptX, y: keptY };
}

/** A blocks × treatments matrix; omitting drops every block (row) with a non-finite value. */
export function finiteBlocks(data: readonly (readonly number[])[], policy: NanPolicy = 'raise'): number[][] {
  if (data.length === 0) throw inputError('The data has no blocks (rows); Friedman needs at least one.');
  const k = data[0]?.length ?? 0;
  const rows: number[][] = [];
  data.forEach((row, i) => {
    if (row.length !== k) {
      throw inputError(
        `Row ${i} has ${row.length} values but row 0 has ${k}; every block needs one per algorithm.`,
      );
    }
    const bad = row.findIndex((v) => !Number.isFinite(v));
    if (bad === -1) rows.push([...row]);
    else if (policy === 'raise') {
      throw inputError(
        `data[${i}][${bad}] is ${describeBad(row[bad] as number)}; statistics need finite numbers.`,
        "Fix the run that produced it, or pass nanPolicy: 'omit' to drop the whole block.",
      );
    }
  });
  if (rows.length === 0) throw inputError('Every block has a non-finite value; nothing is left to test.');
  return rows;
}
