export { type Badge, badgeJson, badgeOf, badgeSvg } from './badge.js';
export { renderLatex } from './latex.js';
export { MAX_COMMENT, REPORT_MARKER, renderMarkdown } from './markdown.js';
export { buildProvenance, gitCommit, hostInfo, type Provenance, type RunRecord } from './provenance.js';
export { buildSummary, type Summary, verdictLine } from './summary.js';
export { type ReportInput, slug, type WrittenReport, writeReport } from './write.js';
