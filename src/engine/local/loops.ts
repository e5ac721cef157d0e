import type { Invocation } from '../../workflow/schema.js';
import { stringify } from '../../workflow/variables.js';

/** One expansion of a looped step: the item and the label Argo puts in the node name. */
export interface LoopItem {
  index: number;
  value: unknown;
  label: string;
}

/** Argo's node-name label of an item: scalars as-is, maps as sorted key:value pairs. */
export function itemLabel(value: unknown): string {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value)
      .map(([k, v]) => `${k}:${stringify(v)}`)
      .sort()
      .join(',');
  }
  if (Array.isArray(value)) return value.map(stringify).join(',');
  return stringify(value);
}

/** printf-style formatting of a sequence number: %d, %0Nd, %Nd, %x, %s. */
function formatSequence(format: string | undefined, n: number): string {
  if (!format) return String(n);
  return format.replace(/%(0?)(\d*)([dxs])/g, (_m, zero: string, width: string, verb: string) => {
    const text = verb === 'x' ? n.toString(16) : String(n);
    return width ? text.padStart(Number(width), zero ? '0' : ' ') : text;
  });
}

/**
 * The items of withItems (already substituted), withParam (a JSON list, already substituted) or
 * withSequence. Returns undefined for a step without a loop.
 */
export function expandLoop(step: Invocation, withParamText: string | undefined): LoopItem[] | undefined {
  let values: unknown[];
  if (step.withItems) values = step.withItems;
  else if (step.withParam !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(withParamText ?? '');
    } catch {
      throw new Error(`withParam of '${step.name}' is not JSON: '${(withParamText ?? '').slice(0, 200)}'`);
    }
    if (!Array.isArray(parsed))
      throw new Error(
        `withParam of '${step.name}' must be a JSON list, got: '${(withParamText ?? '').slice(0, 200)}'`,
      );
    values = parsed;
  } else if (step.withSequence) {
    const seq = step.withSequence;
    const int = (v: string | number | undefined, what: string) => {
      const n = Number(v);
      if (!Number.isInteger(n))
        throw new Error(`withSequence.${what} of '${step.name}' is '${v}', not a whole number`);
      return n;
    };
    const start = seq.start !== undefined ? int(seq.start, 'start') : 0;
    const end = seq.count !== undefined ? start + int(seq.count, 'count') - 1 : int(seq.end, 'end');
    const stepBy = end >= start ? 1 : -1;
    values = [];
    for (let n = start; stepBy > 0 ? n <= end : n >= end; n += stepBy)
      values.push(formatSequence(seq.format, n));
  } else return undefined;
  return values.map((value, index) => ({ index, value, label: itemLabel(value) }));
}

/** Sets {{item}} and {{item.field}} for one expansion. */
export function itemVariables(value: unknown): [string, string][] {
  const vars: [string, string][] = [['item', stringify(value)]];
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) vars.push([`item.${k}`, stringify(v)]);
  }
  return vars;
}
