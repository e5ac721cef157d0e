import { escapeXml } from './plots/svg.js';
import type { Summary } from './summary.js';

export interface Badge {
  label: string;
  message: string;
  color: string;
}

/** What the badge says: reproduced when every claim is, not reproduced when any fails. */
export function badgeOf(s: Summary): Badge {
  const v = s.verdict;
  if (v.total === 0)
    return {
      label: 'repro',
      message: s.results.runs ? `${s.results.runs} runs` : 'no results',
      color: s.results.runs ? 'blue' : 'lightgrey',
    };
  if (v.notReproduced > 0)
    return { label: 'not reproduced', message: `${v.reproduced}/${v.total} claims`, color: 'red' };
  if (v.inconclusive > 0)
    return { label: 'inconclusive', message: `${v.reproduced}/${v.total} claims`, color: 'yellow' };
  return { label: 'reproduced', message: `${v.reproduced}/${v.total} claims`, color: 'brightgreen' };
}

/** The shields.io endpoint format. */
export function badgeJson(b: Badge): string {
  return `${JSON.stringify({ schemaVersion: 1, label: b.label, message: b.message, color: b.color }, null, 2)}\n`;
}

const HEX: Record<string, string> = {
  brightgreen: '#4c1',
  red: '#e05d44',
  yellow: '#dfb317',
  blue: '#007ec6',
  lightgrey: '#9f9f9f',
};

/** A flat badge like shields.io's, drawn here so it needs no network. */
export function badgeSvg(b: Badge): string {
  const width = (s: string) => Math.round(s.length * 6.6 + 12);
  const lw = width(b.label);
  const mw = width(b.message);
  const label = escapeXml(b.label);
  const message = escapeXml(b.message);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${lw + mw}" height="20" role="img" aria-label="${label}: ${message}">`,
    `<title>${label}: ${message}</title>`,
    `<rect width="${lw}" height="20" rx="3" fill="#555"/>`,
    `<rect x="${lw}" width="${mw}" height="20" rx="3" fill="${HEX[b.color] ?? '#9f9f9f'}"/>`,
    `<rect x="${lw - 4}" width="8" height="20" fill="${HEX[b.color] ?? '#9f9f9f'}"/>`,
    `<g fill="#fff" text-anchor="middle" font-family="DejaVu Sans,Verdana,sans-serif" font-size="11">`,
    `<text x="${lw / 2}" y="14">${label}</text>`,
    `<text x="${lw + mw / 2}" y="14">${message}</text>`,
    '</g>',
    '</svg>',
    '',
  ].join('\n');
}
