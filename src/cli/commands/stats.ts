import { type Command, Option } from 'commander';
import { inputError } from '../../errors.js';
import {
  ALTERNATIVES,
  type Alternative,
  cliffsDelta,
  describe,
  friedman,
  mannWhitneyU,
  type NanPolicy,
  nemenyi,
  varghaDelaneyA12,
  wilcoxonSignedRank,
} from '../../stats/index.js';
import { formatNumber, formatP, table } from '../format.js';
import { parseNumberList, pickColumns, readNumericTable } from '../numeric-input.js';

interface TwoSampleFlags {
  x?: string[];
  y?: string[];
  columns?: string;
  alternative: Alternative;
  method: 'auto' | 'exact' | 'asymptotic';
  continuity: boolean;
  nanPolicy: NanPolicy;
  json?: boolean;
}

const methodOption = () =>
  new Option('--method <method>', 'p-value method').choices(['auto', 'exact', 'asymptotic']).default('auto');
const nanOption = () =>
  new Option('--nan-policy <policy>', 'what to do with NaN or Infinity')
    .choices(['raise', 'omit'])
    .default('raise');

function twoSampleCommand(parent: Command, name: string, summary: string): Command {
  return parent
    .command(name)
    .summary(summary)
    .argument('[csv]', 'a CSV file with a header row; pick two columns with --columns')
    .option('--x <numbers...>', 'first sample, e.g. --x 0.91,0.87,0.95')
    .option('--y <numbers...>', 'second sample')
    .option('--columns <a,b>', 'the two CSV columns to compare')
    .addOption(
      new Option('--alternative <alternative>', "'greater' means x tends to be larger")
        .choices(ALTERNATIVES)
        .default('two-sided'),
    )
    .addOption(methodOption())
    .option('--no-continuity', 'no continuity correction in the normal approximation')
    .addOption(nanOption())
    .option('--json', 'print JSON');
}

function readTwoSamples(
  csv: string | undefined,
  flags: TwoSampleFlags,
): { x: number[]; y: number[]; names: [string, string] } {
  if (csv !== undefined) {
    if (!flags.columns)
      throw inputError('With a CSV file, name the two columns to compare with --columns a,b.');
    const names = flags.columns.split(',').map((s) => s.trim());
    if (names.length !== 2) throw inputError(`--columns needs exactly two names, got '${flags.columns}'.`);
    const [x, y] = pickColumns(readNumericTable(csv), names) as [number[], number[]];
    return { x, y, names: names as [string, string] };
  }
  if (!flags.x || !flags.y)
    throw inputError('Give both samples with --x and --y, or a CSV file with --columns.');
  return { x: parseNumberList(flags.x, '--x'), y: parseNumberList(flags.y, '--y'), names: ['x', 'y'] };
}

function effectSizes(x: number[], y: number[], nanPolicy: NanPolicy) {
  const a12 = varghaDelaneyA12(x, y, { nanPolicy });
  const delta = cliffsDelta(x, y, { nanPolicy });
  return { a12, cliffsDelta: delta };
}

function printTwoSample(
  title: string,
  names: [string, string],
  samples: [number[], number[]],
  result: { statistic: number; pValue: number; method: string; note?: string },
  statisticName: string,
  flags: TwoSampleFlags,
): void {
  const effects = effectSizes(samples[0], samples[1], flags.nanPolicy);
  if (flags.json) {
    process.stdout.write(
      `${JSON.stringify({ test: title, alternative: flags.alternative, ...result, ...effects }, null, 2)}\n`,
    );
    return;
  }
  const rows = samples.map((s, i) => {
    const d = describe(s, { nanPolicy: flags.nanPolicy });
    return [
      `  ${names[i]}:`,
      `n = ${d.n}`,
      `median = ${formatNumber(d.median)}`,
      `IQR = [${formatNumber(d.q1)}, ${formatNumber(d.q3)}]`,
    ];
  });
  const lines = [
    `${title} (${result.method}, ${flags.alternative})`,
    table(rows),
    `  ${statisticName} = ${formatNumber(result.statistic)}   p = ${formatP(result.pValue)}`,
    `  A12 = ${formatNumber(effects.a12.estimate, 3)} (${effects.a12.magnitude})   Cliff's delta = ${formatNumber(effects.cliffsDelta.estimate, 3)} (${effects.cliffsDelta.magnitude})`,
  ];
  if (result.note) lines.push(`  note: ${result.note}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

export function registerStats(program: Command): void {
  const stats = program
    .command('stats')
    .description('Quick statistical tests on numbers from flags or a CSV file.');

  twoSampleCommand(stats, 'mwu', 'Mann-Whitney U test for two independent samples').action(
    (csv: string | undefined, flags: TwoSampleFlags) => {
      const { x, y, names } = readTwoSamples(csv, flags);
      const result = mannWhitneyU(x, y, flags);
      printTwoSample('Mann-Whitney U test', names, [x, y], result, 'U', flags);
    },
  );

  twoSampleCommand(stats, 'wilcoxon', 'Wilcoxon signed-rank test for paired samples (x − y)')
    .addOption(
      new Option('--zero-method <method>', 'treatment of zero differences')
        .choices(['wilcox', 'pratt', 'zsplit'])
        .default('wilcox'),
    )
    .action(
      (csv: string | undefined, flags: TwoSampleFlags & { zeroMethod: 'wilcox' | 'pratt' | 'zsplit' }) => {
        const { x, y, names } = readTwoSamples(csv, flags);
        const result = wilcoxonSignedRank(x, y, flags);
        printTwoSample('Wilcoxon signed-rank test', names, [x, y], result, 'R+', flags);
      },
    );

  stats
    .command('friedman')
    .summary('Friedman test, Iman-Davenport and Nemenyi critical difference')
    .argument(
      '<csv>',
      'rows are blocks (datasets or seeds), columns are algorithms; a text first column labels the blocks',
    )
    .option('--blocks <column>', 'the column that labels blocks (default: the first, if it is not numeric)')
    .option('--alpha <alpha>', 'significance level for the critical difference', '0.05')
    .addOption(nanOption())
    .option('--json', 'print JSON')
    .action(
      (csv: string, flags: { blocks?: string; alpha: string; nanPolicy: NanPolicy; json?: boolean }) => {
        const alpha = Number(flags.alpha);
        if (!(alpha > 0 && alpha < 1))
          throw inputError(`--alpha must lie strictly between 0 and 1, got '${flags.alpha}'.`);
        const data = readNumericTable(csv, flags.blocks);
        const result = friedman(data.rows, { nanPolicy: flags.nanPolicy });
        const post = nemenyi(result.meanRanks, result.nBlocks, { alpha });
        const names = data.columns;
        const cliques = post.cliques.map((c) => c.map((j) => names[j] as string));
        if (flags.json) {
          const meanRanks = Object.fromEntries(names.map((n, j) => [n, result.meanRanks[j]]));
          const nemenyiOut = { qAlpha: post.qAlpha, criticalDifference: post.criticalDifference, cliques };
          process.stdout.write(
            `${JSON.stringify({ test: 'friedman', ...result, meanRanks, nemenyi: nemenyiOut }, null, 2)}\n`,
          );
          return;
        }
        const id = result.imanDavenport;
        const order = names
          .map((_, j) => j)
          .sort((a, b) => (result.meanRanks[a] as number) - (result.meanRanks[b] as number));
        const lines = [
          `Friedman test: ${result.nBlocks} blocks, ${names.length} algorithms`,
          `  chi-squared = ${formatNumber(result.statistic)}, df = ${result.df}, p = ${formatP(result.pValue)}`,
          `  Iman-Davenport F = ${formatNumber(id.statistic)}, df = (${id.df1}, ${id.df2}), p = ${formatP(id.pValue)}`,
          'Mean ranks (1 = smallest value):',
          table(order.map((j) => [`  ${names[j]}`, formatNumber(result.meanRanks[j] as number, 4)])),
          `Nemenyi at alpha = ${alpha}: q = ${formatNumber(post.qAlpha, 5)}, critical difference = ${formatNumber(post.criticalDifference, 4)}`,
          cliques.length === 0
            ? '  every pair differs'
            : cliques.map((c) => `  not distinguishable: ${c.join(', ')}`).join('\n'),
        ];
        if (result.note) lines.push(`note: ${result.note}`);
        process.stdout.write(`${lines.join('\n')}\n`);
      },
    );
}
