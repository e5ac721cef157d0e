import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/** Reference cases from scipy 1.17, R help pages and Demšar (2006); see the file's meta.conventions. */
export interface VectorCase {
  id: string;
  test: string;
  params: Record<string, unknown>;
  input: Record<string, unknown>;
  expected: Record<string, unknown>;
  tolerance?: { rtol?: number; atol?: number };
}

const file = fileURLToPath(new URL('../fixtures/stats-vectors.json', import.meta.url));
const decoded = JSON.parse(readFileSync(file, 'utf8'), (_key, value) =>
  value === 'NaN' ? Number.NaN : value === 'Infinity' ? Infinity : value === '-Infinity' ? -Infinity : value,
) as { cases: VectorCase[] };

export function casesOf(test: string): VectorCase[] {
  const cases = decoded.cases.filter((c) => c.test === test);
  if (cases.length === 0) throw new Error(`no reference cases for ${test}`);
  return cases;
}

/** |actual − expected| <= atol + rtol·|expected|, numpy's isclose, with the case's own tolerance. */
export function expectClose(
  actual: number,
  expected: number,
  tol: VectorCase['tolerance'] = {},
  what = '',
): void {
  const rtol = tol.rtol ?? 1e-9;
  const atol = tol.atol ?? 1e-12;
  if (!Number.isFinite(expected)) {
    expect(actual, what).toBe(expected);
    return;
  }
  const bound = atol + rtol * Math.abs(expected);
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(bound);
}

export function containsNonFinite(input: Record<string, unknown>): boolean {
  return JSON.stringify(input, (_k, v) =>
    typeof v === 'number' && !Number.isFinite(v) ? 'BAD' : v,
  ).includes('"BAD"');
}

/** Every test family the reference file holds. */
export function families(): string[] {
  return [...new Set(decoded.cases.map((c) => c.test))].sort();
}
