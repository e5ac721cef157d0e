import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { filesUnder } from '../storage/archive.js';
import type { ArtifactStore } from '../storage/types.js';
import { checkResults } from './check.js';
import { type ReadOptions, readTidyFile } from './read.js';
import { indexRuns, type TidyRow } from './tidy.js';

const TIDY_FILE = /\.(csv|jsonl|ndjson)$/i;

export interface CollectedResults {
  rows: TidyRow[];
  /** The final value of each run. */
  finals: TidyRow[];
  /** Where each file came from (store keys or paths). */
  sources: string[];
  /** Where it looked, for "no results found" messages. */
  searched: string;
  warnings: string[];
}

export type { ReadOptions };

function finish(rows: TidyRow[], sources: string[], searched: string, dropped: number): CollectedResults {
  const runs = indexRuns(rows);
  const warnings = checkResults(runs);
  if (dropped)
    warnings.unshift(`${dropped} rows with a NaN or infinite value were dropped (analysis.nanPolicy: omit).`);
  return { rows, finals: runs.finals, sources, searched, warnings };
}

/** Every tidy row under a key prefix of an artifact store. */
export async function collectFromStore(
  store: ArtifactStore,
  prefix: string,
  options: ReadOptions = {},
): Promise<CollectedResults> {
  const keys = (await store.list(prefix)).filter((k) => TIDY_FILE.test(k));
  const dropped = { count: 0 };
  const dir = await mkdtemp(join(tmpdir(), 'repro-results-'));
  const rows: TidyRow[] = [];
  try {
    for (const [i, key] of keys.entries()) {
      const file = join(dir, `${i}-${key.split('/').pop()}`);
      await store.getToFile(key, file);
      for await (const batch of readTidyFile(file, {
        ...options,
        dropped,
        label: `${store.location}/${key}`,
      }))
        for (const row of batch) rows.push(row);
      await rm(file);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return finish(rows, keys, `${store.location}/${prefix.replace(/\/+$/, '')}/`, dropped.count);
}

/** Every tidy row in the given files, or in the result files under the given folders. */
export async function collectFromPaths(
  paths: readonly string[],
  options: ReadOptions = {},
): Promise<CollectedResults> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory())
      files.push(...(await filesUnder(path)).filter((f) => TIDY_FILE.test(f)).map((f) => join(path, f)));
    else files.push(path);
  }
  const rows: TidyRow[] = [];
  const dropped = { count: 0 };
  for (const file of files)
    for await (const batch of readTidyFile(file, { ...options, dropped }))
      for (const row of batch) rows.push(row);
  return finish(rows, files, paths.join(', '), dropped.count);
}
