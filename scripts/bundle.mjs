// The bundles of this package (package.json "reproBundles": entry → output folder) and how to make one.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export const bundles = JSON.parse(readFileSync('package.json', 'utf8')).reproBundles;

export function bundle(entry, out) {
  execFileSync('npx', ['ncc', 'build', entry, '-o', out, '--target', 'es2022', '--quiet'], {
    stdio: 'inherit',
  });
}
