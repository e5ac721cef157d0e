import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

import { ReproError } from '../errors.js';
import { formatPath, locate, parseYamlFile } from '../workflow/source.js';
import { configSchema, type ReproConfig } from './schema.js';

export const CONFIG_FILE = 'repro.yml';

export function configError(message: string, hint?: string): ReproError {
  return new ReproError('config', message, hint);
}

export interface LoadedConfig {
  config: ReproConfig;
  /** The file it came from, or undefined when defaults were used. */
  file: string | undefined;
  /** The folder paths in it are relative to. */
  dir: string;
}

/** A key whose value is empty in YAML (`parameters:` followed only by comments) counts as not set. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => [k, withoutNulls(v)]),
    );
  }
  return value;
}

/** Reads repro.yml; a missing file gives the defaults, a wrong one an error at file:line. */
export async function loadConfig(file: string, options: { required?: boolean } = {}): Promise<LoadedConfig> {
  const path = resolve(file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    if (options.required) throw configError(`${file}: no such file.`, 'Create one with `repro init`.');
    return { config: configSchema.parse({}), file: undefined, dir: dirname(path) };
  }
  let sources: ReturnType<typeof parseYamlFile>;
  try {
    sources = parseYamlFile(path, text);
  } catch (err) {
    throw configError((err as Error).message);
  }
  const source = sources[0];
  const raw = source ? (source.doc.toJS() as unknown) : {};
  const result = configSchema.safeParse(withoutNulls(raw) ?? {});
  if (!result.success) {
    const lines = result.error.issues.slice(0, 10).map((issue) => {
      const p = issue.path as (string | number)[];
      if (issue.code === 'unrecognized_keys') {
        return issue.keys
          .map(
            (k) => `${source ? locate(source, p, k) : path}: ${formatPath([...p, k])}: unknown field '${k}'.`,
          )
          .join('\n');
      }
      const where = source ? locate(source, p) : path;
      const values =
        'values' in issue && Array.isArray(issue.values) ? ` Allowed: ${issue.values.join(', ')}.` : '';
      const message =
        issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message;
      return `${where}: ${formatPath(p) || '(top level)'}: ${message}.${values}`;
    });
    throw configError(
      `${file} is not a valid Repro config:\n${lines.join('\n')}`,
      'docs/config.md describes every field.',
    );
  }
  return { config: result.data, file: path, dir: dirname(path) };
}
