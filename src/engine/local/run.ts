import { randomUUID } from 'node:crypto';
import type { ArtifactStore } from '../../storage/types.js';
import { parseDuration } from '../../workflow/duration.js';
import type { LoadedWorkflow } from '../../workflow/load.js';
import type { Template } from '../../workflow/schema.js';
import type { WorkflowStatus } from '../status.js';
import { failed, type Outcome, type RunContext } from './context.js';
import type { Runtime } from './runtime/types.js';
import { Scope } from './scope.js';
import { Semaphore } from './semaphore.js';
import { StatusBook } from './status-book.js';
import { resolveArguments, runTemplate } from './template.js';

export interface LocalRunOptions {
  workflow: LoadedWorkflow;
  name: string;
  namespace: string;
  parameters: Record<string, string>;
  store: ArtifactStore;
  runtime: Runtime;
  scratchRoot: string;
  /** Overrides spec.parallelism: the most pods running at once. */
  parallelism?: number;
  onWarning?: (message: string) => void;
}

export const TERMINATED = "Stopped with strategy 'Terminate'";
const DEADLINE_EXCEEDED = 'Max duration limit exceeded';

/** One execution of a workflow by the local interpreter. */
export class LocalRun {
  readonly book: StatusBook;
  readonly logFiles = new Map<string, string>();
  private readonly abort = new AbortController();
  private reason: string | undefined;
  private readonly warnings = new Set<string>();

  constructor(private readonly options: LocalRunOptions) {
    this.book = new StatusBook(options.name);
  }

  /** Ends every running pod; the workflow ends Failed with `reason`. */
  stop(reason = TERMINATED): void {
    if (this.abort.signal.aborted) return;
    this.reason = reason;
    this.abort.abort();
  }

  async execute(): Promise<WorkflowStatus> {
    const { workflow, name, parameters } = this.options;
    const spec = workflow.manifest.spec;
    const templates = new Map((spec.templates ?? []).map((t) => [t.name, t] as [string, Template]));
    const deadlineSeconds =
      spec.activeDeadlineSeconds !== undefined
        ? parseDuration(spec.activeDeadlineSeconds, 'spec.activeDeadlineSeconds')
        : undefined;
    const scope = new Scope();
    const created = new Date().toISOString();
    scope
      .set('workflow.name', name)
      .set('workflow.namespace', this.options.namespace)
      .set('workflow.uid', randomUUID())
      .set('workflow.creationTimestamp', created)
      .set(
        'workflow.parameters',
        JSON.stringify(Object.entries(parameters).map(([n, value]) => ({ name: n, value }))),
      );
    for (const [k, v] of Object.entries(parameters)) scope.set(`workflow.parameters.${k}`, v);
    const globals = new Map<string, string>();
    const workflowScope = new GlobalScope(scope, globals);
    const ctx: RunContext = {
      workflow,
      name,
      book: this.book,
      store: this.options.store,
      runtime: this.options.runtime,
      templates,
      podSlots: new Semaphore(this.options.parallelism ?? spec.parallelism),
      scratchRoot: this.options.scratchRoot,
      signal: this.abort.signal,
      stopReason: () => this.reason,
      deadline: deadlineSeconds !== undefined ? Date.now() + deadlineSeconds * 1000 : undefined,
      globals,
      workflowScope,
      warn: (message) => {
        if (this.warnings.has(message)) return;
        this.warnings.add(message);
        this.options.onWarning?.(message);
      },
      logFiles: this.logFiles,
    };
    const deadlineTimer =
      deadlineSeconds !== undefined
        ? setTimeout(() => this.stop(DEADLINE_EXCEEDED), deadlineSeconds * 1000)
        : undefined;

    this.book.setWorkflow({ phase: 'Running', startedAt: created });
    const entrypoint = spec.entrypoint as string;
    // spec.arguments feed the entrypoint's inputs, artifacts included, as in Argo.
    const args = resolveArguments(
      { name: name, template: entrypoint, arguments: { artifacts: spec.arguments?.artifacts ?? [] } },
      workflowScope,
    );
    for (const [k, v] of Object.entries(parameters)) args.parameters.set(k, v);
    let outcome: Outcome;
    try {
      outcome = await runTemplate(ctx, { nodeName: name, displayName: name }, entrypoint, args);
      if (spec.onExit && this.reason !== TERMINATED) {
        // Exit handlers, and every template they call, see how the workflow ended.
        scope.set('workflow.status', failed(outcome.phase) ? 'Failed' : 'Succeeded');
        if (failed(outcome.phase)) scope.set('workflow.failures', JSON.stringify(this.failures()));
        const exit = await runTemplate(
          ctx,
          { nodeName: `${name}.onExit`, displayName: `${name}.onExit` },
          spec.onExit,
          { parameters: new Map(), artifacts: new Map() },
        );
        if (failed(exit.phase) && !failed(outcome.phase))
          outcome = { ...exit, message: `exit handler failed: ${exit.message ?? ''}` };
      }
    } finally {
      if (deadlineTimer) clearTimeout(deadlineTimer);
    }
    const phase =
      outcome.phase === 'Succeeded' || outcome.phase === 'Skipped'
        ? 'Succeeded'
        : outcome.phase === 'Error'
          ? 'Error'
          : 'Failed';
    const message = this.reason ?? (phase === 'Succeeded' ? undefined : outcome.message);
    this.book.setWorkflow({ phase, finishedAt: new Date().toISOString(), ...(message ? { message } : {}) });
    return this.book.snapshot();
  }

  /** workflow.failures, as Argo gives it to exit handlers. */
  private failures() {
    return Object.values(this.book.status.nodes)
      .filter((n) => n.type === 'Pod' && failed(n.phase))
      .map((n) => ({
        displayName: n.displayName,
        message: n.message ?? '',
        templateName: n.templateName ?? '',
        phase: n.phase,
        podName: n.id,
        finishedAt: n.finishedAt ?? '',
      }));
  }
}

/** The workflow scope, which also sees workflow.outputs.parameters.* as pods set them. */
class GlobalScope extends Scope {
  constructor(
    private readonly base: Scope,
    private readonly globals: Map<string, string>,
  ) {
    super();
  }

  override get(name: string): string | undefined {
    if (name.startsWith('workflow.outputs.parameters.'))
      return this.globals.get(name.slice('workflow.outputs.parameters.'.length));
    return this.base.get(name);
  }
}
