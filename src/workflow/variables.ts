/** Argo's simple template tags: {{name}}, with optional spaces inside the braces. */
const TAG = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The variable names a string refers to, in order. */
export function findVariables(text: string): string[] {
  return [...text.matchAll(TAG)].map((m) => m[1] as string);
}

export class UnresolvedVariable extends Error {
  constructor(readonly variable: string) {
    super(`{{${variable}}} cannot be resolved`);
  }
}

/** Replaces every tag; a name `lookup` does not know throws UnresolvedVariable. */
export function substitute(text: string, lookup: (name: string) => string | undefined): string {
  return text.replace(TAG, (_tag, name: string) => {
    const value = lookup(name);
    if (value === undefined) throw new UnresolvedVariable(name);
    return value;
  });
}

/** Substitutes every string inside a JSON-like value. */
export function substituteDeep<T>(value: T, lookup: (name: string) => string | undefined): T {
  if (typeof value === 'string') return substitute(value, lookup) as T;
  if (Array.isArray(value)) return value.map((v) => substituteDeep(v, lookup)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substituteDeep(v, lookup)])) as T;
  }
  return value;
}

/** A value as Argo prints it into a string: scalars as-is, lists and maps as compact JSON. */
export function stringify(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
