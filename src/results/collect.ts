import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArtifactStore } from '../storage/types.js';
import { parseTidy, type TidyRow } from './tidy.js';

const TIDY_FILE = /\.(csv|jsonl|ndjson)$/;

/** Every tidy row under a key prefix of the store, and which keys they came from. */
export async function collectTidyResults(
  store: ArtifactStore,
  prefix: string,
): Promise<{ rows: TidyRow[]; keys: string[] }> {
  const keys = (await store.list(prefix)).filter((k) => TIDY_FILE.test(k));
  const dir = await mkdtemp(join(tmpdir(), 'repro-results-'));
  try {
    const rows: TidyRow[] = [];
    for (const [i, key] of keys.entries()) {
      const file = join(dir, `${i}-${key.split('/').pop()}`);
      await store.getToFile(key, file);
      rows.push(...parseTidy(await readFile(file, 'utf8'), `${store.location}/${key}`));
    }
    return { rows, keys };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
