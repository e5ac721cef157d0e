import type { LoadedWorkflow } from '../workflow/load.js';
import type { WorkflowStatus } from './status.js';

export interface SubmitOptions {
  /** Overrides of workflow parameters, as `argo submit -p name=value`. */
  parameters?: Record<string, string>;
  /** A fixed workflow name instead of one generated from metadata.generateName. */
  name?: string;
}

export interface SubmittedWorkflow {
  name: string;
  namespace: string;
  /** The parameters the run uses, after defaults and overrides. */
  parameters: Record<string, string>;
}

/**
 * What runs a workflow: the local interpreter here, Argo on Kubernetes later. Both report Argo's
 * own status shape, so progress, collection and reports are written once.
 */
export interface Engine {
  readonly name: string;
  submit(workflow: LoadedWorkflow, options?: SubmitOptions): Promise<SubmittedWorkflow>;
  /** Status snapshots until the workflow completes; the last one is final. */
  watch(name: string): AsyncIterable<WorkflowStatus>;
  /** Terminates a running workflow: every pod is killed, the workflow ends Failed. */
  stop(name: string, reason?: string): Promise<void>;
  /** A pod's log (stdout and stderr, interleaved as written). */
  logs(name: string, podName: string): Promise<string>;
}
