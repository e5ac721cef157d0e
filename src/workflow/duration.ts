import { workflowError } from './source.js';

const UNIT_SECONDS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600 };

/** Go-style durations as Argo writes them ("30s", "1m30s", "2h", "500ms"), or plain seconds. */
export function parseDuration(value: string | number, field: string): number {
  if (typeof value === 'number' || /^\d+(\.\d+)?$/.test(value)) return Number(value);
  const parts = [...value.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== value) {
    throw workflowError(`${field}: '${value}' is not a duration.`, "Write it like '30s', '1m30s' or '2h'.");
  }
  return parts.reduce((total, p) => total + Number(p[1]) * (UNIT_SECONDS[p[2] as string] as number), 0);
}
