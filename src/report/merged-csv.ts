import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { TidyRow } from '../results/tidy.js';

const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The merged tidy results as one CSV: the tidy columns, then any extra columns the runs wrote. */
export async function writeMergedCsv(file: string, rows: readonly TidyRow[]): Promise<void> {
  const extras = [...new Set(rows.flatMap((r) => (r.extra ? Object.keys(r.extra) : [])))].sort();
  const out = createWriteStream(file);
  const write = async (line: string) => {
    if (!out.write(line)) await once(out, 'drain');
  };
  await write(`${['algorithm', 'dataset', 'seed', 'step', 'value', ...extras].map(quote).join(',')}\n`);
  let chunk = '';
  for (const r of rows) {
    chunk += `${[quote(r.algorithm), quote(r.dataset), quote(r.seed), r.step ?? '', r.value, ...extras.map((e) => quote(r.extra?.[e] ?? ''))].join(',')}\n`;
    if (chunk.length > 1 << 16) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  out.end();
  await once(out, 'finish');
}
