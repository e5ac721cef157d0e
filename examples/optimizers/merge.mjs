// Merges every run's CSV under a folder (the fan-in input artifact) into one CSV with one header.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [from, to] = process.argv.slice(2);
const files = readdirSync(from, { recursive: true })
  .filter((f) => String(f).endsWith('.csv'))
  .sort();
let header;
const body = [];
for (const file of files) {
  const [head, ...rows] = readFileSync(join(from, String(file)), 'utf8')
    .trimEnd()
    .split('\n');
  header ??= head;
  if (head !== header) throw new Error(`${file}: header '${head}' differs from '${header}'`);
  body.push(...rows);
}
writeFileSync(to, `${[header, ...body].join('\n')}\n`);
console.log(`merged ${files.length} files, ${body.length} rows`);
