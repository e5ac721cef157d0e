import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectFromPaths, type ReadOptions } from '../../src/results/index.js';

function file(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'repro-results-')), name);
  writeFileSync(path, text);
  return path;
}

describe('reading tidy results', () => {
  it('reads CSV with quotes, CRLF, a BOM and extra columns; the final value of a run is its largest step', async () => {
    const path = file(
      'r.csv',
      '\uFEFFalgorithm,dataset,seed,step,value,note\r\n"es, tuned",sphere,1,10,5.5,"said ""hi"""\r\nes,sphere,1,20,4.5,x\r\nes,sphere,1,15,9,y\r\n',
    );
    const r = await collectFromPaths([path]);
    expect(r.rows).toHaveLength(3);
    expect(r.rows[0]).toEqual({
      algorithm: 'es, tuned',
      dataset: 'sphere',
      seed: '1',
      step: 10,
      value: 5.5,
      extra: { note: 'said "hi"' },
    });
    expect(r.finals.find((f) => f.algorithm === 'es')).toMatchObject({ step: 20, value: 4.5 });
  });

  it('reads JSON lines with mapped column names; a missing dataset is "default"', async () => {
    const path = file(
      'r.jsonl',
      '{"method":"a","run":1,"score":0.5}\n\n{"method":"a","run":2,"score":0.7}\n',
    );
    const r = await collectFromPaths([path], {
      columns: { algorithm: 'method', seed: 'run', value: 'score' },
    });
    expect(r.finals.map((f) => [f.algorithm, f.dataset, f.seed, f.value])).toEqual([
      ['a', 'default', '1', 0.5],
      ['a', 'default', '2', 0.7],
    ]);
  });

  it('a quoted field may span lines', async () => {
    const path = file('r.csv', 'algorithm,seed,value,note\na,1,2,"line one\nline two"\na,2,3,plain\n');
    const r = await collectFromPaths([path]);
    expect(r.rows.map((x) => x.extra?.note)).toEqual(['line one\nline two', 'plain']);
  });

  const errors: { what: string; name: string; text: string; options?: ReadOptions; message: string }[] = [
    {
      what: 'a non-numeric value',
      name: 'a.csv',
      text: 'algorithm,seed,value\na,1,0.5\na,2,oops\n',
      message: "a.csv:3: value 'oops' is not a finite number.",
    },
    {
      what: 'NaN without nanPolicy omit',
      name: 'a.csv',
      text: 'algorithm,seed,value\na,1,NaN\n',
      message: "a.csv:2: value 'NaN' is not a finite number.",
    },
    {
      what: 'a missing column',
      name: 'a.csv',
      text: 'algorithm,value\na,1\n',
      message: "a.csv:1: no column 'seed' (seed) in the header: algorithm, value.",
    },
    {
      what: 'a mapped column that is not there',
      name: 'a.csv',
      text: 'algorithm,seed,value\na,1,1\n',
      options: { columns: { value: 'score' } },
      message: "no column 'score' (value)",
    },
    {
      what: 'a malformed line',
      name: 'a.csv',
      text: 'algorithm,seed,value\na,1\n',
      message: 'a.csv:2: has 2 fields, but the header has 3 (algorithm, seed, value).',
    },
    {
      what: 'an unclosed quote',
      name: 'a.csv',
      text: 'algorithm,seed,value\n"a,1,2\n',
      message: 'a.csv:2: a quoted field is never closed.',
    },
    {
      what: 'an empty algorithm',
      name: 'a.csv',
      text: 'algorithm,seed,value\n,1,2\n',
      message: "a.csv:2: column 'algorithm' is empty.",
    },
    {
      what: 'a bad step',
      name: 'a.csv',
      text: 'algorithm,seed,step,value\na,1,x,2\n',
      message: "a.csv:2: step 'x' is not a number.",
    },
    {
      what: 'a JSON line that is not JSON',
      name: 'a.jsonl',
      text: '{"algorithm":"a","seed":1,"value":1}\n{oops\n',
      message: 'a.jsonl:2: not valid JSON',
    },
    {
      what: 'a JSON line without a value',
      name: 'a.jsonl',
      text: '{"algorithm":"a","seed":1}\n',
      message: "a.jsonl:1: column 'value' (value) is missing or empty",
    },
  ];
  it.each(errors)('$what is an error naming file:line', async ({ name, text, options, message }) => {
    await expect(collectFromPaths([file(name, text)], options)).rejects.toThrow(message);
  });

  it('nanPolicy omit drops non-finite rows and says how many', async () => {
    const r = await collectFromPaths([file('a.csv', 'algorithm,seed,value\na,1,NaN\na,2,1\na,3,inf\n')], {
      nonFinite: 'omit',
    });
    expect(r.rows).toHaveLength(1);
    expect(r.warnings[0]).toBe(
      '2 rows with a NaN or infinite value were dropped (analysis.nanPolicy: omit).',
    );
  });
});

describe('checks on the results', () => {
  it('reports duplicates, cells with fewer runs (naming missing seeds) and cells too small to test', async () => {
    const rows = [
      'algorithm,dataset,seed,value',
      'a,d,1,1',
      'a,d,2,1',
      'a,d,3,1',
      'a,d,4,1',
      'a,d,5,1',
      'b,d,1,2',
      'b,d,2,2',
      'b,d,2,2.5',
      'b,d,4,2',
    ];
    const r = await collectFromPaths([file('a.csv', `${rows.join('\n')}\n`)]);
    expect(r.warnings).toEqual([
      '1 duplicated (algorithm, dataset, seed, step) rows, e.g. b / d / seed 2 (2 times). The last one read is used.',
      'b on d has 3 runs, fewer than the 5 of others; missing seeds: 3, 5.',
      'b on d has only 3 runs; tests with fewer than 5 runs have little power.',
    ]);
    expect(r.finals.find((f) => f.algorithm === 'b' && f.seed === '2')?.value).toBe(2.5);
  });

  it('finds nothing in an empty folder and says where it looked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'repro-empty-'));
    const r = await collectFromPaths([dir]);
    expect(r).toMatchObject({ rows: [], finals: [], searched: dir });
  });
});
