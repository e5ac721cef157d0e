import type { AllowRule } from './schema.js';

/**
 * Whether a parameter value passes the allowlist: the reason it does not, or undefined. A parameter
 * without a rule is not allowed at all, so a comment can only set what the maintainers opened.
 */
export function parameterProblem(
  name: string,
  value: string,
  allow: Record<string, AllowRule>,
): string | undefined {
  const rule = allow[name];
  if (!rule) {
    const open = Object.keys(allow);
    return `parameter '${name}' may not be set${open.length ? `; allowed: ${open.join(', ')}` : '; repro.yml allows none'}`;
  }
  if ('enum' in rule)
    return rule.enum.includes(value) ? undefined : `${name}=${value} is not one of ${rule.enum.join(', ')}`;
  if ('integer' in rule) {
    if (!/^-?\d+$/.test(value)) return `${name}=${value} is not a whole number`;
    const n = Number(value);
    const { min, max } = rule.integer;
    if (min !== undefined && n < min) return `${name}=${value} is below the minimum ${min}`;
    if (max !== undefined && n > max) return `${name}=${value} is above the maximum ${max}`;
    return undefined;
  }
  // Anchored, so a rule like [a-z]+ cannot be satisfied by a substring.
  return new RegExp(`^(?:${rule.regex})$`).test(value)
    ? undefined
    : `${name}=${value} does not match /${rule.regex}/`;
}
