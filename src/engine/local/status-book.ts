import { nodeId } from '../naming.js';
import type { NodePhase, NodeStatus, WorkflowStatus } from '../status.js';
import { isCompleted } from '../status.js';

/**
 * The live Argo-shaped status of one local run. Every change notifies subscribers, which is how
 * `watch` and the progress display see the run.
 */
export class StatusBook {
  readonly status: WorkflowStatus = { phase: 'Pending', progress: '0/0', nodes: {} };
  private readonly listeners = new Set<() => void>();
  // Pod counts kept as nodes change, so progress costs O(1) however large the workflow.
  private pods = 0;
  private succeededPods = 0;

  constructor(private readonly workflowName: string) {}

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  /** Adds a node (Running unless given) under `parentId`; its ID follows Argo's scheme. */
  add(node: Omit<NodeStatus, 'id' | 'phase'> & { phase?: NodePhase }, parentId?: string): NodeStatus {
    const id = nodeId(this.workflowName, node.name);
    const full: NodeStatus = { phase: 'Running', startedAt: new Date().toISOString(), ...node, id };
    if (isCompleted(full.phase)) full.finishedAt ??= full.startedAt;
    this.status.nodes[id] = full;
    if (full.type === 'Pod') {
      this.pods++;
      if (full.phase === 'Succeeded') this.succeededPods++;
    }
    if (parentId) {
      const parent = this.status.nodes[parentId];
      if (parent && !parent.children?.includes(id)) parent.children = [...(parent.children ?? []), id];
    }
    this.recount();
    this.changed();
    return full;
  }

  /** Links an existing node under another parent too (a DAG task under each dependency). */
  link(parentId: string, childId: string): void {
    const parent = this.status.nodes[parentId];
    if (parent && !parent.children?.includes(childId))
      parent.children = [...(parent.children ?? []), childId];
  }

  update(id: string, patch: Partial<NodeStatus>): void {
    const node = this.status.nodes[id];
    if (!node) return;
    if (node.type === 'Pod' && patch.phase && patch.phase !== node.phase) {
      this.succeededPods += (patch.phase === 'Succeeded' ? 1 : 0) - (node.phase === 'Succeeded' ? 1 : 0);
    }
    Object.assign(node, patch);
    if (patch.phase && isCompleted(patch.phase)) node.finishedAt ??= new Date().toISOString();
    this.recount();
    this.changed();
  }

  setWorkflow(patch: Partial<Omit<WorkflowStatus, 'nodes'>>): void {
    Object.assign(this.status, patch);
    this.changed();
  }

  /** Argo's progress: succeeded pods / all pods. */
  private recount(): void {
    this.status.progress = `${this.succeededPods}/${this.pods}`;
  }

  snapshot(): WorkflowStatus {
    return structuredClone(this.status);
  }
}
