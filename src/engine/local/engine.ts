import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { inputError } from '../../errors.js';
import type { ArtifactStore } from '../../storage/types.js';
import type { LoadedWorkflow } from '../../workflow/load.js';
import { resolveWorkflowParameters } from '../../workflow/parameters.js';
import { validateWorkflow } from '../../workflow/validate.js';
import { generateName } from '../naming.js';
import type { WorkflowStatus } from '../status.js';
import type { Engine, SubmitOptions, SubmittedWorkflow } from '../types.js';
import { LocalRun } from './run.js';
import type { Runtime } from './runtime/types.js';

export interface LocalEngineSettings {
  store: ArtifactStore;
  runtime: Runtime;
  /** Where pods get their private scratch folders. */
  workDir: string;
  /** The most pods running at once; overrides spec.parallelism (default: the number of cores). */
  parallelism?: number;
  onWarning?: (message: string) => void;
}

/** The most often `watch` hands out a snapshot while a run goes on. */
export const SNAPSHOT_INTERVAL_MS = 50;

interface Running {
  run: LocalRun;
  done: Promise<WorkflowStatus>;
}

/** Runs workflows on this machine with the local interpreter. */
export class LocalEngine implements Engine {
  readonly name = 'local';
  private readonly runs = new Map<string, Running>();

  constructor(private readonly settings: LocalEngineSettings) {}

  get runtimeName(): string {
    return this.settings.runtime.name;
  }

  async submit(workflow: LoadedWorkflow, options: SubmitOptions = {}): Promise<SubmittedWorkflow> {
    validateWorkflow(workflow);
    const parameters = resolveWorkflowParameters(workflow, options.parameters);
    const meta = workflow.manifest.metadata;
    const name = options.name ?? meta.name ?? generateName(meta.generateName ?? 'workflow-');
    if (this.runs.has(name)) throw inputError(`A workflow named '${name}' is already running here.`);
    // As Argo refuses a second Workflow of the same name: a rerun must not mix its results with old ones.
    if ((await this.settings.store.list(name)).length > 0) {
      throw inputError(
        `The artifact store ${this.settings.store.location} already holds a run named '${name}'.`,
        `Give this run another name with --name, use metadata.generateName, or delete ${this.settings.store.location}/${name}.`,
      );
    }
    const run = new LocalRun({
      workflow,
      name,
      namespace: 'local',
      parameters,
      store: this.settings.store,
      runtime: this.settings.runtime,
      scratchRoot: resolve(this.settings.workDir, name),
      // Argo leaves the limit to the cluster's capacity; here the capacity is this machine's cores.
      parallelism: this.settings.parallelism ?? workflow.manifest.spec.parallelism ?? availableParallelism(),
      ...(this.settings.onWarning ? { onWarning: this.settings.onWarning } : {}),
    });
    this.runs.set(name, { run, done: run.execute() });
    return { name, namespace: 'local', parameters };
  }

  private get(name: string): Running {
    const running = this.runs.get(name);
    if (!running) throw inputError(`No workflow named '${name}' was submitted to this engine.`);
    return running;
  }

  /**
   * Snapshots as the run changes, at most one per SNAPSHOT_INTERVAL_MS (a snapshot copies every
   * node, so one per change would cost O(nodes²) on large runs), ending with the final status.
   */
  async *watch(name: string): AsyncIterable<WorkflowStatus> {
    const { run, done } = this.get(name);
    let dirty = true;
    let wake: (() => void) | undefined;
    let finished = false;
    const unsubscribe = run.book.subscribe(() => {
      dirty = true;
      wake?.();
    });
    const end = () => {
      finished = true;
      wake?.();
    };
    done.then(end, end);
    try {
      while (!finished) {
        if (dirty) {
          dirty = false;
          yield run.book.snapshot();
          await new Promise((resolve) => setTimeout(resolve, SNAPSHOT_INTERVAL_MS));
          continue;
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = undefined;
      }
      yield await done;
    } finally {
      unsubscribe();
    }
  }

  /** The final status, once the run ends. */
  wait(name: string): Promise<WorkflowStatus> {
    return this.get(name).done;
  }

  async stop(name: string, reason?: string): Promise<void> {
    const { run, done } = this.get(name);
    run.stop(reason);
    await done.catch(() => {});
  }

  async logs(name: string, podName: string): Promise<string> {
    const file = this.get(name).run.logFiles.get(podName);
    if (!file) throw inputError(`Workflow '${name}' has no log for pod '${podName}'.`);
    return readFile(file, 'utf8');
  }
}
