// The bundles of this package (package.json "reproBundles": entry → output folder), the files
// each needs beside it at run time ("reproAssets": name → path in node_modules), and how to make one.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
export const bundles = pkg.reproBundles;
const assets = pkg.reproAssets ?? {};

export function bundle(entry, out) {
  execFileSync('npx', ['ncc', 'build', entry, '-o', out, '--target', 'es2022', '--quiet'], {
    stdio: 'inherit',
  });
  mkdirSync(join(out, 'assets'), { recursive: true });
  for (const [name, from] of Object.entries(assets))
    copyFileSync(join('node_modules', from), join(out, 'assets', name));
}
