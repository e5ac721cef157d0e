import { evaluate, operands, parseExpression } from '../../workflow/boolean-expression.js';
import { dependenciesOf } from '../../workflow/dependencies.js';
import type { Task, Template } from '../../workflow/schema.js';
import type { NodePhase } from '../status.js';
import { childFailedMessage, failed, type Outcome, type Placement, type RunContext } from './context.js';
import type { Scope } from './scope.js';
import { Semaphore } from './semaphore.js';
import { exportOutcome, finishTemplateNode, type InvocationOutcome, runInvocation } from './template.js';

/** Whether a task whose dependencies have all finished may run (Argo's enhanced depends). */
export function dependsSatisfied(task: Task, results: Map<string, InvocationOutcome>): boolean {
  const ok = (r: InvocationOutcome) => r.phase === 'Succeeded' || r.phase === 'Skipped' || r.tolerated;
  if (!task.depends) return (task.dependencies ?? []).every((d) => ok(results.get(d) as InvocationOutcome));
  return evaluate(
    parseExpression(task.depends),
    (operand) => {
      const [name, result] = operand.split('.') as [string, string | undefined];
      const r = results.get(name) as InvocationOutcome;
      const children = r.children.length ? r.children : [r];
      switch (result) {
        case undefined:
          return ok(r);
        case 'Succeeded':
          return r.phase === 'Succeeded';
        case 'Failed':
          return r.phase === 'Failed';
        case 'Errored':
          return r.phase === 'Error';
        case 'Skipped':
          return r.phase === 'Skipped';
        case 'Omitted':
          return r.phase === 'Omitted';
        case 'Daemoned':
          return false;
        case 'Completed':
          return r.phase === 'Succeeded' || r.phase === 'Failed';
        case 'AnySucceeded':
          return children.some((c) => c.phase === 'Succeeded');
        case 'AllFailed':
          return children.length > 0 && children.every((c) => failed(c.phase));
        default:
          throw new Error(`depends of '${task.name}': '${operand}' has an unknown result '${result}'`);
      }
    },
    () => {
      throw new Error(`depends of '${task.name}' cannot compare values`);
    },
  );
}

/**
 * A DAG template: each task starts once its dependencies have finished and its `depends` holds;
 * a task whose condition fails is Omitted. With failFast (the default), no task starts after a
 * failure. The DAG's phase is Argo's: that of its target tasks, an omitted task taking the phase of
 * the branch above it.
 */
export async function runDag(
  ctx: RunContext,
  place: Placement,
  template: Template,
  scope: Scope,
): Promise<Outcome> {
  const dag = template.dag as NonNullable<Template['dag']>;
  const node = ctx.book.add(
    {
      name: place.nodeName,
      displayName: place.displayName,
      type: 'DAG',
      templateName: template.name,
      boundaryID: place.boundaryID,
    },
    place.parentId,
  );
  const dagScope = scope.child();
  const slots = new Semaphore(template.parallelism);
  const failFast = dag.failFast !== false;
  const tasks = new Map(dag.tasks.map((t) => [t.name, t]));
  const deps = new Map(dag.tasks.map((t) => [t.name, dependenciesOf(t)]));
  const results = new Map<string, InvocationOutcome>();
  // A failure that another task's `depends` waits for (A.Failed, A.AllFailed, …) is part of the
  // plan, so failFast does not stop the DAG for it (as Argo's dag-continue-on-fail example shows).
  const handled = new Set(
    dag.tasks
      .flatMap((t) => (t.depends ? operands(parseExpression(t.depends)) : []))
      .filter((o) => /\.(Failed|Errored|Completed|AllFailed|AnySucceeded)$/.test(o))
      .map((o) => o.split('.')[0] as string),
  );
  const started = new Set<string>();
  let sawFailure = false;

  await new Promise<void>((resolveAll) => {
    let running = 0;
    const schedule = () => {
      for (const task of tasks.values()) {
        if (started.has(task.name)) continue;
        const waitsFor = deps.get(task.name) ?? [];
        if (!waitsFor.every((d) => results.has(d))) continue;
        if (ctx.signal.aborted || (failFast && sawFailure)) continue;
        started.add(task.name);
        const parents = waitsFor
          .map((d) => results.get(d)?.nodeId)
          .filter((id): id is string => id !== undefined);
        const place: Placement = {
          nodeName: `${node.name}.${task.name}`,
          displayName: task.name,
          parentId: parents[0] ?? node.id,
          boundaryID: node.id,
        };
        let satisfied: boolean;
        try {
          satisfied = dependsSatisfied(task, results);
        } catch (err) {
          satisfied = false;
          sawFailure = true;
          results.set(task.name, {
            phase: 'Error',
            message: String(err),
            outputs: { parameters: {}, artifacts: {} },
            children: [],
            tolerated: false,
          });
          continue;
        }
        if (!satisfied) {
          const omitted = ctx.book.add(
            {
              ...placeFields(place),
              type: 'Skipped',
              templateName: task.template,
              phase: 'Omitted',
              message: 'omitted: depends condition not met',
            },
            place.parentId,
          );
          for (const extra of parents.slice(1)) ctx.book.link(extra, omitted.id);
          results.set(task.name, {
            phase: 'Omitted',
            nodeId: omitted.id,
            outputs: { parameters: {}, artifacts: {} },
            children: [],
            tolerated: false,
          });
          continue;
        }
        running++;
        runInvocation(ctx, task, place, dagScope, slots, {
          loopGroup: true,
          failFast: template.failFast === true,
        }).then((outcome) => {
          for (const extra of parents.slice(1)) if (outcome.nodeId) ctx.book.link(extra, outcome.nodeId);
          exportOutcome(dagScope, 'tasks', task.name, outcome, ctx);
          results.set(task.name, outcome);
          if (failed(outcome.phase) && !outcome.tolerated && !handled.has(task.name)) sawFailure = true;
          running--;
          schedule();
        });
      }
      // Omitted tasks may unblock others, so loop until nothing new starts.
      const progressed = [...tasks.keys()].some(
        (name) =>
          !started.has(name) &&
          (deps.get(name) ?? []).every((d) => results.has(d)) &&
          !ctx.signal.aborted &&
          !(failFast && sawFailure),
      );
      if (progressed) schedule();
      else if (running === 0) resolveAll();
    };
    schedule();
  });

  const phase = dagPhase(dag, deps, results, ctx.signal.aborted);
  const message = failed(phase)
    ? ctx.signal.aborted
      ? ctx.stopReason()
      : firstFailureMessage(results, ctx)
    : undefined;
  return finishTemplateNode(ctx, node.id, template, dagScope, phase, message);
}

function placeFields(place: Placement) {
  return { name: place.nodeName, displayName: place.displayName, boundaryID: place.boundaryID };
}

function firstFailureMessage(results: Map<string, InvocationOutcome>, ctx: RunContext): string {
  const failure = [...results.values()].find((r) => failed(r.phase) && !r.tolerated);
  return failure ? childFailedMessage(ctx, failure) : 'a task failed';
}

/** Argo's assessDAGPhase: the worst branch phase among the target tasks. */
function dagPhase(
  dag: NonNullable<Template['dag']>,
  deps: Map<string, string[]>,
  results: Map<string, InvocationOutcome>,
  aborted: boolean,
): NodePhase {
  if (aborted) return 'Failed';
  const dependedOn = new Set([...deps.values()].flat());
  const targets = dag.target
    ? dag.target.split(/\s+/).filter(Boolean)
    : dag.tasks.map((t) => t.name).filter((n) => !dependedOn.has(n));
  const memo = new Map<string, NodePhase>();
  const branch = (name: string): NodePhase => {
    const cached = memo.get(name);
    if (cached) return cached;
    const r = results.get(name);
    let phase: NodePhase;
    if (r && r.phase !== 'Omitted') phase = failed(r.phase) && !r.tolerated ? r.phase : 'Succeeded';
    else {
      // Omitted, or never started after a failure: the branch above decides.
      const above = (deps.get(name) ?? []).map(branch);
      phase =
        above.find((p) => p === 'Error') ?? above.find((p) => p === 'Failed') ?? (r ? 'Succeeded' : 'Failed');
    }
    memo.set(name, phase);
    return phase;
  };
  const phases = targets.map(branch);
  return phases.find((p) => p === 'Error') ?? phases.find((p) => p === 'Failed') ?? 'Succeeded';
}
