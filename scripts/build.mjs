// Bundles every entry with ncc into its dist/ folder.
import { rmSync } from 'node:fs';
import { bundle, bundles } from './bundle.mjs';

for (const [entry, out] of Object.entries(bundles)) {
  rmSync(out, { recursive: true, force: true });
  bundle(entry, out);
  console.log(`built ${out} from ${entry}`);
}
