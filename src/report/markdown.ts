import { describeClaim, formatValue } from '../analysis/index.js';
import type { Summary } from './summary.js';

/** GitHub's limit on a comment body. */
export const MAX_COMMENT = 65_536;
export const REPORT_MARKER = '<!-- repro-report -->';

const VERDICT_ICON = { reproduced: '✅', 'not reproduced': '❌', inconclusive: '❔' } as const;

export interface MarkdownOptions {
  /** Plot files written next to the report, by dataset ('' for the CD diagram). */
  plots: { dataset: string; file: string; alt: string }[];
  maxChars?: number;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const details = (summary: string, body: string[]) => [
  '<details>',
  `<summary>${summary}</summary>`,
  '',
  ...body,
  '',
  '</details>',
  '',
];

/**
 * report.md: the verdict first, then the results table, then the evidence in <details> blocks.
 * It never exceeds `maxChars` (a PR comment's limit): it drops detail level by level and says
 * where the rest is.
 */
export function renderMarkdown(s: Summary, options: MarkdownOptions): string {
  const max = options.maxChars ?? MAX_COMMENT;
  for (const level of [3, 2, 1, 0] as const) {
    const text = render(s, options, level, Infinity);
    if (text.length <= max) return text;
  }
  // Even the bare tables are too long: keep as many dataset rows as fit.
  let rows = s.datasets.length;
  let text = render(s, options, 0, rows);
  while (text.length > max && rows > 1) {
    rows = Math.floor(rows * 0.8);
    text = render(s, options, 0, rows);
  }
  return text.slice(0, max);
}

/** level 3: everything; 2: no per-dataset detail tables; 1: no pairwise tables; 0: tables only. */
function render(s: Summary, options: MarkdownOptions, level: 0 | 1 | 2 | 3, maxRows: number): string {
  const better = s.direction === 'minimize' ? 'lower is better' : 'higher is better';
  const out: string[] = [REPORT_MARKER, `## Repro: ${s.verdict.line}`, ''];
  if (s.claims.length) {
    out.push('| | claim | evidence |', '|---|---|---|');
    for (const c of s.claims)
      out.push(
        `| ${VERDICT_ICON[c.verdict]} ${c.verdict} | ${cell(describeClaim(c.claim))} | ${cell(c.evidence)} |`,
      );
    out.push('');
  }
  if (s.results.runs === 0) {
    out.push(`No tidy results were found. Repro looked in \`${s.results.searched}\`.`, '');
    return out.join('\n');
  }

  out.push(`### Results: ${s.metric} (${better})`, '');
  const algorithms = [...new Set(s.datasets.flatMap((d) => d.algorithms.map((a) => a.name)))].sort();
  out.push(
    `Median (IQR) of the final value over runs; **bold** is the best median, \`*\` marks a significant difference from it (Holm-adjusted p < ${s.alpha}).`,
    '',
  );
  out.push(
    `| dataset | ${algorithms.map(cell).join(' | ')} |`,
    `|---|${algorithms.map(() => '---:').join('|')}|`,
  );
  for (const d of s.datasets.slice(0, maxRows)) {
    const cells = algorithms.map((name) => {
      const a = d.algorithms.find((x) => x.name === name);
      if (!a) return '–';
      const text = `${formatValue(a.median)} (${formatValue(a.q1, 3)}–${formatValue(a.q3, 3)})`;
      if (name === d.best) return `**${text}**`;
      const vsBest = d.pairwise.find(
        (p) => (p.a === name && p.b === d.best) || (p.b === name && p.a === d.best),
      );
      return vsBest && vsBest.pAdjusted < s.alpha ? `${text} \\*` : text;
    });
    out.push(`| ${cell(d.name)} | ${cells.join(' | ')} |`);
  }
  if (maxRows < s.datasets.length)
    out.push('', `_${s.datasets.length - maxRows} more datasets are in summary.json and tables.tex._`);
  out.push('');

  if (s.acrossDatasets) {
    const a = s.acrossDatasets;
    const ranks = Object.entries(a.meanRanks).sort((x, y) => x[1] - y[1]);
    const body = [
      `Friedman over ${a.datasets.length} datasets (per-dataset medians): χ² = ${formatValue(a.friedman.statistic)}, df = ${a.friedman.df}, p = ${formatValue(a.friedman.pValue)}; Iman-Davenport F = ${formatValue(a.friedman.imanDavenport.statistic)}, p = ${formatValue(a.friedman.imanDavenport.pValue)}.`,
      '',
      '| rank | algorithm | mean rank |',
      '|---:|---|---:|',
      ...ranks.map(([name, r], i) => `| ${i + 1} | ${cell(name)} | ${r.toFixed(2)} |`),
      '',
      `Nemenyi critical difference at α = ${s.alpha}: ${a.nemenyi.criticalDifference.toFixed(3)} (q = ${a.nemenyi.qAlpha.toFixed(3)}). ${a.nemenyi.cliques.length ? `Not distinguishable: ${a.nemenyi.cliques.map((c) => `{${c.join(', ')}}`).join(', ')}.` : 'Every pair of algorithms differs.'}`,
    ];
    const cd = options.plots.find((p) => p.dataset === '');
    if (cd) body.push('', `![${cd.alt}](${cd.file})`);
    out.push(...details('Across datasets: mean ranks and critical difference', body));
  }

  if (level >= 1) {
    const body: string[] = [];
    for (const d of s.datasets) {
      body.push(
        `**${cell(d.name)}**${d.omnibus ? `: ${d.omnibus.test} ${formatValue(d.omnibus.statistic)}, df = ${d.omnibus.df}, p = ${formatValue(d.omnibus.pValue)}` : ''}`,
        '',
      );
      if (level >= 3) {
        const ciLevel = 1 - s.alpha;
        body.push(
          `| algorithm | n | median | ${Math.round(ciLevel * 100)}% CI of median | mean ± sd | min – max |`,
          '|---|---:|---:|---|---:|---|',
        );
        for (const a of d.algorithms) {
          // Few runs cannot reach the level; say what the interval really covers.
          const short =
            a.medianCI.coverage < ciLevel ? ` (covers ${(a.medianCI.coverage * 100).toFixed(0)}% only)` : '';
          const ci = `${formatValue(a.medianCI.lower)} – ${formatValue(a.medianCI.upper)}${short}`;
          body.push(
            `| ${cell(a.name)} | ${a.n} | ${formatValue(a.median)} | ${ci} | ${formatValue(a.mean)} ± ${formatValue(a.sd, 3)} | ${formatValue(a.min)} – ${formatValue(a.max)} |`,
          );
        }
        body.push('');
      }
      if (d.pairwise.length) {
        body.push(
          "| a | b | test | p | p (Holm) | A12 | Cliff's δ | verdict |",
          '|---|---|---|---:|---:|---:|---:|---|',
        );
        for (const p of d.pairwise) {
          body.push(
            `| ${cell(p.a)} | ${cell(p.b)} | ${p.test} | ${formatValue(p.pValue)} | ${formatValue(p.pAdjusted)} | ${formatValue(p.a12, 3)} (${p.a12Magnitude}) | ${formatValue(p.cliffsDelta, 3)} | ${cell(p.verdict)} |`,
          );
        }
        body.push('');
      }
    }
    out.push(
      ...details(
        `Pairwise comparisons (${s.datasets[0]?.paired ? 'paired by seed' : 'independent runs'})`,
        body,
      ),
    );
  } else out.push('_Pairwise comparisons are in summary.json._', '');

  if (level >= 2 && options.plots.length) {
    const body = options.plots.filter((p) => p.dataset !== '').map((p) => `![${p.alt}](${p.file})`);
    if (body.length) out.push(...details('Plots', body));
  }
  if (s.warnings.length)
    out.push(
      ...details(
        `Warnings (${s.warnings.length})`,
        s.warnings.map((w) => `- ${cell(w)}`),
      ),
    );

  const p = s.provenance;
  const memory = `${(p.host.memoryBytes / 2 ** 30).toFixed(1)} GiB`;
  const prov = [
    '| | |',
    '|---|---|',
    `| workflow | ${p.workflow ?? '–'} |`,
    `| parameters | ${
      Object.entries(p.parameters)
        .map(([k, v]) => `\`${k}=${cell(v)}\``)
        .join(' ') || '–'
    } |`,
    `| engine, runtime | ${p.engine ?? '–'}, ${p.runtime ?? '–'} |`,
    `| git commit | ${p.gitCommit ?? 'unknown'} |`,
    `| host | ${p.host.os}, ${p.host.arch}, ${cell(p.host.cpuModel)}, ${p.host.cores} cores, ${memory} |`,
    `| Repro | ${p.reproVersion} |`,
    `| runs | ${s.results.runs} runs, ${s.results.rows} rows from ${s.results.files} file${s.results.files === 1 ? '' : 's'}${p.startedAt ? `, ${p.startedAt} to ${p.finishedAt ?? '…'}` : ''} |`,
  ];
  out.push(...details('Provenance', prov));
  return out.join('\n');
}
