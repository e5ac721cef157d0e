import { describe, expect, it } from 'vitest';
import { evaluateWhen } from '../../src/workflow/boolean-expression.js';

describe('when conditions', () => {
  it.each([
    ['heads == heads', true],
    ['heads == tails', false],
    ["'a b' == 'a b'", true],
    ['"x" != "y"', true],
    ['10 > 9', true],
    ['10 > 9.5 && 2 <= 2', true],
    ['abc < abd', true],
    ['1 == 1.0', true],
    ['!(1 > 2)', true],
    ['false || true', true],
    ['true && !true', false],
    ['(1 == 2 || 3 == 3) && 4 >= 4', true],
  ])('%s is %s', (text, expected) => {
    expect(evaluateWhen(text)).toBe(expected);
  });

  it.each([
    ['', /empty/],
    ['1 ==', /expected a value at the end/],
    ['(1 == 1', /missing '\)'/],
    ['maybe', /'maybe' is not true or false/],
    ['1 == 1 1', /unexpected '1'/],
  ])('%j is refused clearly', (text, error) => {
    expect(() => evaluateWhen(text)).toThrow(error);
  });
});
