/**
 * Renders an Argo-shaped status as `argo watch` does: a header, then a tree with the columns
 * STEP, TEMPLATE, PODNAME, DURATION and MESSAGE. Pure: status and clock in, lines out.
 */
import { nodeId, podName } from '../engine/naming.js';
import type { NodePhase, NodeStatus, WorkflowStatus } from '../engine/status.js';

export const PHASE_GLYPHS: Record<NodePhase, string> = {
  Pending: '◷',
  Running: '●',
  Succeeded: '✔',
  Skipped: '○',
  Omitted: '○',
  Failed: '✖',
  Error: '⚠',
};

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${s % 60 ? ` ${s % 60}s` : ''}`;
  return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`;
}

function durationOf(node: { startedAt?: string; finishedAt?: string }, now: number): string {
  if (!node.startedAt) return '';
  const end = node.finishedAt ? Date.parse(node.finishedAt) : now;
  return formatDuration((end - Date.parse(node.startedAt)) / 1000);
}

interface Row {
  step: string;
  template: string;
  pod: string;
  duration: string;
  message: string;
  node: NodeStatus;
}

/** What a node shows beneath it: parallel step groups flattened, DAG tasks by start time. */
function entries(node: NodeStatus, nodes: Record<string, NodeStatus>): NodeStatus[][] {
  const kids = (node.children ?? []).map((id) => nodes[id]).filter((n): n is NodeStatus => n !== undefined);
  if (node.type === 'Steps')
    return kids.map((group) =>
      (group.children ?? []).map((id) => nodes[id]).filter((n): n is NodeStatus => n !== undefined),
    );
  if (node.type === 'DAG') {
    const tasks = Object.values(nodes).filter(
      (n) => n.boundaryID === node.id && n.name === `${node.name}.${n.displayName}`,
    );
    tasks.sort(
      (a, b) => (a.startedAt ?? '').localeCompare(b.startedAt ?? '') || a.name.localeCompare(b.name),
    );
    return tasks.map((t) => [t]);
  }
  if (node.type === 'Retry' || node.type === 'TaskGroup') return kids.map((k) => [k]);
  return [];
}

function collectRows(
  node: NodeStatus,
  nodes: Record<string, NodeStatus>,
  workflowName: string,
  now: number,
): Row[] {
  const rows: Row[] = [];
  const row = (prefix: string, n: NodeStatus) =>
    rows.push({
      step: `${prefix}${PHASE_GLYPHS[n.phase]} ${n.displayName}`,
      template: n.templateName ?? '',
      pod: n.type === 'Pod' ? podName(workflowName, n.name, n.templateName ?? '') : '',
      duration: n.type === 'Pod' || n.type === 'Retry' ? durationOf(n, now) : '',
      message: n.message ?? '',
      node: n,
    });
  const walk = (parent: NodeStatus, prefix: string) => {
    const list = entries(parent, nodes);
    list.forEach((group, i) => {
      const last = i === list.length - 1;
      const rail = last ? '  ' : '│ ';
      if (group.length === 1) {
        row(`${prefix}${last ? '└───' : '├───'}`, group[0] as NodeStatus);
        walk(group[0] as NodeStatus, `${prefix}${rail}  `);
        return;
      }
      group.forEach((n, j) => {
        const lastInGroup = j === group.length - 1;
        if (j === 0) row(`${prefix}${last ? '└─┬─' : '├─┬─'}`, n);
        else row(`${prefix}${rail}${lastInGroup ? '└─' : '├─'}`, n);
        walk(n, `${prefix}${rail}${lastInGroup ? '  ' : '│ '}`);
      });
    });
  };
  row(' ', node);
  walk(node, ' ');
  return rows;
}

export interface TreeOptions {
  now?: number;
  /** At most this many tree rows; the rest are summarised (a live view must fit the terminal). */
  maxRows?: number;
}

/** The header and tree as lines. */
export function renderWorkflowTree(
  meta: { name: string; namespace: string; parameters: Record<string, string> },
  status: WorkflowStatus,
  options: TreeOptions = {},
): string[] {
  const now = options.now ?? Date.now();
  const header: [string, string][] = [
    ['Name:', meta.name],
    ['Namespace:', meta.namespace],
    ['Status:', status.phase],
  ];
  if (status.message) header.push(['Message:', status.message]);
  if (status.startedAt) header.push(['Duration:', durationOf(status, now)]);
  header.push(['Progress:', status.progress]);
  const lines = header.map(([k, v]) => `${k.padEnd(21)}${v}`);
  const params = Object.entries(meta.parameters);
  if (params.length) {
    lines.push('Parameters:');
    for (const [k, v] of params) lines.push(`  ${`${k}:`.padEnd(19)}${v}`);
  }
  const root = status.nodes[meta.name];
  if (!root) return lines;
  let rows = collectRows(root, status.nodes, meta.name, now);
  const exit = status.nodes[nodeId(meta.name, `${meta.name}.onExit`)];
  if (exit) rows = rows.concat(collectRows(exit, status.nodes, meta.name, now));
  let hidden = 0;
  if (options.maxRows !== undefined && rows.length > options.maxRows) {
    // Keep what matters while it runs: the root, unfinished and failed nodes, then the most recent.
    const keep = new Set<Row>([rows[0] as Row]);
    for (const r of rows)
      if (keep.size < options.maxRows && r.node.phase !== 'Succeeded' && r.node.phase !== 'Skipped')
        keep.add(r);
    for (let i = rows.length - 1; i >= 0 && keep.size < options.maxRows; i--) keep.add(rows[i] as Row);
    hidden = rows.length - keep.size;
    rows = rows.filter((r) => keep.has(r));
  }
  const table = [
    ['STEP', 'TEMPLATE', 'PODNAME', 'DURATION', 'MESSAGE'],
    ...rows.map((r) => [r.step, r.template, r.pod, r.duration, r.message]),
  ];
  const widths = table.reduce<number[]>((w, r) => r.map((c, i) => Math.max(w[i] ?? 0, [...c].length)), []);
  lines.push('');
  for (const r of table)
    lines.push(
      r
        .map((c, i) => c + ' '.repeat((widths[i] ?? 0) - [...c].length))
        .join('  ')
        .trimEnd(),
    );
  if (hidden > 0) lines.push(` … ${hidden} finished nodes not shown`);
  return lines;
}
