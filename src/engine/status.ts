/**
 * The status shape Argo's controller writes into a Workflow, which both engines report. Only the
 * fields Repro reads or shows are typed; names and meanings are Argo's.
 */
export type NodePhase = 'Pending' | 'Running' | 'Succeeded' | 'Skipped' | 'Failed' | 'Error' | 'Omitted';
export type WorkflowPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Error';
export type NodeType = 'Pod' | 'Steps' | 'StepGroup' | 'DAG' | 'TaskGroup' | 'Retry' | 'Skipped';

export const COMPLETED_PHASES: readonly NodePhase[] = ['Succeeded', 'Skipped', 'Failed', 'Error', 'Omitted'];

export interface ArtifactOutput {
  name: string;
  path?: string;
  s3?: { key: string };
  /** Present with `none: {}` when stored as-is; absent means a .tgz archive. */
  archive?: { none?: Record<string, never> };
}

export interface NodeStatus {
  id: string;
  name: string;
  displayName: string;
  type: NodeType;
  templateName?: string;
  phase: NodePhase;
  boundaryID?: string;
  children?: string[];
  message?: string;
  startedAt?: string;
  finishedAt?: string;
  /** "N/M" of pods under this node. */
  progress?: string;
  hostNodeName?: string;
  inputs?: { parameters?: { name: string; value: string }[] };
  outputs?: {
    parameters?: { name: string; value: string }[];
    artifacts?: ArtifactOutput[];
    result?: string;
    exitCode?: string;
  };
  /** Pods only: resource limits as the template asked for them. */
  resourcesDuration?: Record<string, number>;
}

export interface WorkflowStatus {
  phase: WorkflowPhase;
  startedAt?: string;
  finishedAt?: string;
  progress: string;
  message?: string;
  nodes: Record<string, NodeStatus>;
}

export function isCompleted(phase: NodePhase): boolean {
  return COMPLETED_PHASES.includes(phase);
}
