import { r2, svgDocument, text } from './svg.js';

/**
 * Demšar's (2006) critical-difference diagram: the rank axis (1 = best) on top, each algorithm
 * hanging from its mean rank (the better half labelled on the left), the CD as a bar above the axis,
 * and a thick bar joining each clique of algorithms that are not significantly different.
 */
export function cdDiagram(
  meanRanks: Record<string, number>,
  criticalDifference: number,
  cliques: readonly string[][],
  datasets: number,
): string {
  const names = Object.keys(meanRanks).sort((a, b) => (meanRanks[a] as number) - (meanRanks[b] as number));
  const k = names.length;
  // Room for the longest label (with its rank) on either side; DejaVu Sans 12px is ~7px a character.
  const margin = 40 + 7 * Math.max(...names.map((n) => n.length + 7));
  const width = Math.max(720, 2 * margin + 300);
  const left = margin;
  const right = width - margin;
  const axisY = 84;
  const rowHeight = 22;
  const half = Math.ceil(k / 2);
  const height = axisY + 40 + Math.max(half, k - half) * rowHeight + cliques.length * 8 + 20;
  const x = (rank: number) => left + ((rank - 1) / Math.max(1, k - 1)) * (right - left);
  const body = [
    text(16, 22, `Critical difference (Nemenyi), ${datasets} datasets; rank 1 is best`, {
      'font-size': 14,
      'font-weight': 'bold',
    }),
  ];

  body.push('<g class="axis">');
  body.push(
    `<line class="x-axis" x1="${left}" x2="${right}" y1="${axisY}" y2="${axisY}" stroke="#1f2328" stroke-width="1.5"/>`,
  );
  for (let r = 1; r <= k; r++) {
    body.push(`<line x1="${r2(x(r))}" x2="${r2(x(r))}" y1="${axisY - 6}" y2="${axisY}" stroke="#1f2328"/>`);
    body.push(text(x(r), axisY - 10, String(r), { 'text-anchor': 'middle', 'font-size': 11 }));
  }
  body.push('</g>');
  const cdWidth = (criticalDifference / Math.max(1, k - 1)) * (right - left);
  body.push(
    `<g class="cd"><line x1="${left}" x2="${r2(left + cdWidth)}" y1="54" y2="54" stroke="#1f2328" stroke-width="2"/>`,
  );
  body.push(
    text(left + cdWidth / 2, 49, `CD = ${criticalDifference.toFixed(2)}`, {
      'text-anchor': 'middle',
      'font-size': 11,
    }),
    '</g>',
  );

  const cliqueTop = axisY + 10;
  cliques.forEach((clique, i) => {
    const ranks = clique.map((n) => meanRanks[n] as number);
    const y = cliqueTop + i * 8;
    body.push(
      `<line class="clique" data-members="${clique.join(',')}" x1="${r2(x(Math.min(...ranks)) - 3)}" x2="${r2(x(Math.max(...ranks)) + 3)}" y1="${y}" y2="${y}" stroke="#1f2328" stroke-width="4" stroke-linecap="round"/>`,
    );
  });

  const labelsTop = cliqueTop + cliques.length * 8 + 16;
  names.forEach((name, i) => {
    const onLeft = i < half;
    const row = onLeft ? i : k - 1 - i;
    const y = labelsTop + row * rowHeight;
    const px = x(meanRanks[name] as number);
    const end = onLeft ? left - 10 : right + 10;
    body.push(`<g class="series" data-algorithm="${name.replace(/"/g, '&quot;')}">`);
    body.push(
      `<polyline points="${r2(px)},${axisY} ${r2(px)},${r2(y)} ${r2(end)},${r2(y)}" fill="none" stroke="#57606a" stroke-width="1"/>`,
    );
    body.push(
      text(onLeft ? end - 4 : end + 4, y + 4, `${name} (${(meanRanks[name] as number).toFixed(2)})`, {
        'text-anchor': onLeft ? 'end' : 'start',
        'font-size': 12,
      }),
    );
    body.push('</g>');
  });
  return svgDocument(width, height, 'Critical difference diagram', body);
}
