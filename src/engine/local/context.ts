import type { ArtifactStore } from '../../storage/types.js';
import type { LoadedWorkflow } from '../../workflow/load.js';
import type { Template } from '../../workflow/schema.js';
import type { NodePhase } from '../status.js';
import type { Runtime } from './runtime/types.js';
import type { ArtifactRef, Scope } from './scope.js';
import type { Semaphore } from './semaphore.js';
import type { StatusBook } from './status-book.js';

/** What a finished node hands back to its caller. */
export interface Outcome {
  phase: NodePhase;
  message?: string;
  nodeId?: string;
  outputs: NodeOutputs;
}

export interface NodeOutputs {
  parameters: Record<string, string>;
  artifacts: Record<string, ArtifactRef>;
  result?: string;
  exitCode?: string;
}

export const emptyOutputs = (): NodeOutputs => ({ parameters: {}, artifacts: {} });

/** Everything the interpreter's parts share for one run. */
export interface RunContext {
  workflow: LoadedWorkflow;
  name: string;
  book: StatusBook;
  store: ArtifactStore;
  runtime: Runtime;
  templates: Map<string, Template>;
  /** workflow.* variables, the base of every template's scope. */
  workflowScope: Scope;
  /** Workflow-wide pod slots (spec.parallelism or --parallelism). */
  podSlots: Semaphore;
  scratchRoot: string;
  signal: AbortSignal;
  /** Why the run was stopped, once it was. */
  stopReason(): string | undefined;
  /** Epoch ms at which the workflow's activeDeadlineSeconds runs out. */
  deadline: number | undefined;
  /** workflow.outputs.parameters.* set by globalName. */
  globals: Map<string, string>;
  warn(message: string): void;
  /** Pod name → its log file. */
  logFiles: Map<string, string>;
}

/** Where a node goes in the tree. */
export interface Placement {
  nodeName: string;
  displayName: string;
  parentId?: string;
  boundaryID?: string;
}

export function failed(phase: NodePhase): boolean {
  return phase === 'Failed' || phase === 'Error';
}

/** Argo's message for a parent whose child failed, or the child's own message when it has no node. */
export function childFailedMessage(ctx: RunContext, child: Outcome): string {
  const node = child.nodeId ? ctx.book.status.nodes[child.nodeId] : undefined;
  return node ? `child '${node.name}' failed` : (child.message ?? 'a child failed');
}
