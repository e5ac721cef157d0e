import { podName } from '../engine/naming.js';
import type { NodeStatus, WorkflowStatus } from '../engine/status.js';
import { formatDuration, PHASE_GLYPHS, renderWorkflowTree } from '../workflow/tree.js';

export interface RunMeta {
  name: string;
  namespace: string;
  parameters: Record<string, string>;
}

export interface ProgressView {
  update(status: WorkflowStatus): void;
  /** Prints the final state and the last log lines of every failed pod. */
  finish(status: WorkflowStatus): Promise<void>;
}

const LOG_TAIL = 20;

/**
 * Shows a run's progress: on a terminal, a live tree like `argo submit --watch`; elsewhere (CI
 * logs), one line per node transition. Failed pods print the last lines of their log.
 */
export function createProgressView(
  meta: RunMeta,
  out: NodeJS.WritableStream & { isTTY?: boolean; rows?: number },
  logs: (podName: string) => Promise<string>,
): ProgressView {
  const failedPods: NodeStatus[] = [];
  const seen = new Map<string, string>();
  const failureLog = async (node: NodeStatus) => {
    const pod = podName(meta.name, node.name, node.templateName ?? '');
    const text = await logs(pod).catch(() => '');
    const tail = text.trimEnd().split('\n').slice(-LOG_TAIL);
    return [
      `--- ${node.name} (${pod}): ${node.message ?? node.phase}; last ${tail.length} log lines:`,
      ...tail.map((l) => `    ${l}`),
    ].join('\n');
  };
  const noteFailures = (status: WorkflowStatus) => {
    const fresh: NodeStatus[] = [];
    for (const node of Object.values(status.nodes)) {
      const before = seen.get(node.id);
      if (before !== node.phase) {
        seen.set(node.id, node.phase);
        if (node.type === 'Pod' && (node.phase === 'Failed' || node.phase === 'Error')) {
          failedPods.push(node);
          fresh.push(node);
        }
      }
    }
    return fresh;
  };

  if (out.isTTY) {
    let drawn = 0;
    let last = 0;
    const draw = (status: WorkflowStatus, force: boolean) => {
      const now = Date.now();
      if (!force && now - last < 100) return;
      last = now;
      const lines = renderWorkflowTree(meta, status, { maxRows: Math.max(10, (out.rows ?? 40) - 14) });
      out.write(`${drawn ? `\x1b[${drawn}A` : ''}\x1b[0J${lines.join('\n')}\n`);
      drawn = lines.length;
    };
    return {
      update(status) {
        noteFailures(status);
        draw(status, false);
      },
      async finish(status) {
        noteFailures(status);
        draw(status, true);
        for (const node of failedPods) out.write(`${await failureLog(node)}\n`);
      },
    };
  }

  const previous = new Map<string, string>();
  const interesting = (n: NodeStatus) => n.type !== 'StepGroup';
  const lineFor = (n: NodeStatus) => {
    const time = new Date().toISOString().slice(11, 19);
    const duration =
      n.finishedAt && n.startedAt
        ? ` ${formatDuration((Date.parse(n.finishedAt) - Date.parse(n.startedAt)) / 1000)}`
        : '';
    return `${time} ${PHASE_GLYPHS[n.phase]} ${n.phase.padEnd(9)} ${n.name}${duration}${n.message ? `: ${n.message}` : ''}`;
  };
  let printedHeader = false;
  let chain = Promise.resolve();
  return {
    update(status) {
      if (!printedHeader) {
        printedHeader = true;
        out.write(
          `Workflow ${meta.name} (${
            Object.entries(meta.parameters)
              .map(([k, v]) => `${k}=${v}`)
              .join(', ') || 'no parameters'
          })\n`,
        );
      }
      for (const node of Object.values(status.nodes)) {
        if (!interesting(node) || previous.get(node.id) === node.phase) continue;
        previous.set(node.id, node.phase);
        out.write(`${lineFor(node)}\n`);
      }
      for (const node of noteFailures(status))
        chain = chain.then(async () => void out.write(`${await failureLog(node)}\n`));
    },
    async finish(status) {
      this.update(status);
      await chain;
      out.write(
        `Workflow ${meta.name} ${status.phase}${status.message ? `: ${status.message}` : ''}, progress ${status.progress}\n`,
      );
    },
  };
}
