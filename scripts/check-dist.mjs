// Fails when dist/ is not what `npm run build` makes from src/ now: rebuilds into a temporary
// folder and compares every file byte for byte, naming the stale ones.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { bundle, bundles } from './bundle.mjs';

const scratch = mkdtempSync(join(tmpdir(), 'repro-dist-'));
const stale = [];

function files(dir) {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => relative(dir, join(d.parentPath, d.name)))
      .sort();
  } catch {
    return [];
  }
}

try {
  for (const [entry, out] of Object.entries(bundles)) {
    const fresh = join(scratch, out);
    bundle(entry, fresh);
    const names = new Set([...files(fresh), ...files(out)]);
    for (const name of names) {
      let same = false;
      try {
        same = readFileSync(join(fresh, name)).equals(readFileSync(join(out, name)));
      } catch {}
      if (!same) stale.push(join(out, name));
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

if (stale.length > 0) {
  console.error(`dist/ is stale: ${stale.join(', ')}\nRun \`npm run build\` and commit dist/.`);
  process.exit(1);
}
console.log('dist/ is up to date with src/.');
