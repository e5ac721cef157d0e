import { describeError } from '../../errors.js';
import { evaluateWhen } from '../../workflow/boolean-expression.js';
import type { Invocation, Template } from '../../workflow/schema.js';
import { substitute, substituteDeep, UnresolvedVariable } from '../../workflow/variables.js';
import {
  childFailedMessage,
  emptyOutputs,
  failed,
  type NodeOutputs,
  type Outcome,
  type Placement,
  type RunContext,
} from './context.js';
import { runDag } from './dag.js';
import { expandLoop, itemVariables } from './loops.js';
import { runLeaf } from './pod.js';
import type { ArtifactRef, Scope } from './scope.js';
import type { Semaphore } from './semaphore.js';
import { runSteps } from './steps.js';

/** Arguments handed to a template: parameter values and artifact references by name. */
export interface CallArguments {
  parameters: Map<string, string>;
  artifacts: Map<string, ArtifactRef>;
}

/** A node that could not even start (bad input, unresolvable variable): Argo's "Error" phase. */
export function errorNode(ctx: RunContext, place: Placement, templateName: string, message: string): Outcome {
  const node = ctx.book.add(
    {
      name: place.nodeName,
      displayName: place.displayName,
      type: 'Pod',
      templateName,
      boundaryID: place.boundaryID,
      phase: 'Error',
      message,
    },
    place.parentId,
  );
  return { phase: 'Error', message, nodeId: node.id, outputs: emptyOutputs() };
}

/** Runs a template at a place in the tree with the given arguments. */
export async function runTemplate(
  ctx: RunContext,
  place: Placement,
  templateName: string,
  args: CallArguments,
): Promise<Outcome> {
  const template = ctx.templates.get(templateName) as Template;
  let scope: Scope;
  try {
    // A template sees its inputs and the workflow's variables, never its caller's steps or items.
    scope = await templateScope(ctx, template, args, ctx.workflowScope);
  } catch (err) {
    return errorNode(ctx, place, templateName, describeError(err));
  }
  if (template.steps) return runSteps(ctx, place, template, scope);
  if (template.dag) return runDag(ctx, place, template, scope);
  return runLeaf(ctx, place, template, scope);
}

/** The template's own variables: its inputs, on top of the workflow-wide ones. */
async function templateScope(
  ctx: RunContext,
  template: Template,
  args: CallArguments,
  outer: Scope,
): Promise<Scope> {
  const scope = outer.child();
  const values: { name: string; value: string }[] = [];
  for (const param of template.inputs?.parameters ?? []) {
    const value = args.parameters.get(param.name) ?? param.default ?? param.value;
    if (value === undefined)
      throw new Error(`inputs.parameters.${param.name} was not supplied to template '${template.name}'`);
    if (param.enum && !param.enum.includes(value)) {
      throw new Error(`inputs.parameters.${param.name} is '${value}', not one of ${param.enum.join(', ')}`);
    }
    scope.set(`inputs.parameters.${param.name}`, value);
    values.push({ name: param.name, value });
  }
  scope.set('inputs.parameters', JSON.stringify(values));
  for (const artifact of template.inputs?.artifacts ?? []) {
    let ref = args.artifacts.get(artifact.name);
    if (!ref && artifact.s3) {
      const key = substitute(artifact.s3.key, scope.lookup).replace(/^\/+/, '');
      ref = (await ctx.store.exists(key)) ? { key, archived: key.endsWith('.tgz') } : { prefix: key };
    }
    if (ref) scope.setArtifact(`inputs.artifacts.${artifact.name}`, ref);
    else if (!artifact.optional)
      throw new Error(`inputs.artifacts.${artifact.name} was not supplied to template '${template.name}'`);
  }
  return scope;
}

/** A step's or task's arguments, resolved in the caller's scope. */
export function resolveArguments(step: Invocation, scope: Scope): CallArguments {
  const parameters = new Map<string, string>();
  for (const p of step.arguments?.parameters ?? []) {
    const raw = p.value ?? p.default;
    if (raw !== undefined) parameters.set(p.name, substitute(raw, scope.lookup));
  }
  const artifacts = new Map<string, ArtifactRef>();
  for (const a of step.arguments?.artifacts ?? []) {
    if (a.from !== undefined) {
      const name = /^\{\{\s*([^{}]+?)\s*\}\}$/.exec(a.from)?.[1];
      const ref = name ? scope.getArtifact(name) : undefined;
      if (!ref) throw new UnresolvedVariable(name ?? a.from);
      artifacts.set(a.name, ref);
    } else if (a.s3) {
      const key = substitute(a.s3.key, scope.lookup).replace(/^\/+/, '');
      artifacts.set(a.name, key.endsWith('/') ? { prefix: key } : { key, archived: key.endsWith('.tgz') });
    }
  }
  return { parameters, artifacts };
}

/** How a step or task ended, with every child when it was a loop. */
export interface InvocationOutcome extends Outcome {
  children: Outcome[];
  /** A failure the step's continueOn lets its siblings ignore. */
  tolerated: boolean;
}

/**
 * Runs one step or DAG task: evaluates `when`, expands its loop, and runs the template once per
 * item under `slots` (the calling template's parallelism). `groupNode` wraps loop children when set
 * (DAG TaskGroups); steps put them straight under their StepGroup.
 */
export async function runInvocation(
  ctx: RunContext,
  step: Invocation,
  place: Placement,
  scope: Scope,
  slots: Semaphore,
  options: { loopGroup: boolean; failFast: boolean },
): Promise<InvocationOutcome> {
  const done = (outcome: Outcome, children: Outcome[] = []): InvocationOutcome => ({
    ...outcome,
    children,
    tolerated:
      (outcome.phase === 'Failed' && !!step.continueOn?.failed) ||
      (outcome.phase === 'Error' && !!step.continueOn?.error),
  });
  let items: ReturnType<typeof expandLoop>;
  try {
    const withParam = step.withParam !== undefined ? substitute(step.withParam, scope.lookup) : undefined;
    items = expandLoop(
      step.withItems ? { ...step, withItems: substituteDeep(step.withItems, scope.lookup) } : step,
      withParam,
    );
  } catch (err) {
    return done(errorNode(ctx, place, step.template, describeError(err)));
  }

  let stopLaunching = false;
  // `mayStart` is asked once a slot is free, so failFast also stops items already waiting for one.
  const runOne = async (
    one: Placement,
    itemScope: Scope,
    mayStart = () => true,
  ): Promise<Outcome | undefined> => {
    try {
      if (step.when !== undefined) {
        const condition = substitute(step.when, itemScope.lookup);
        if (!evaluateWhen(condition)) {
          const node = ctx.book.add(
            {
              name: one.nodeName,
              displayName: one.displayName,
              type: 'Skipped',
              templateName: step.template,
              boundaryID: one.boundaryID,
              phase: 'Skipped',
              message: `when '${condition}' evaluated false`,
            },
            one.parentId,
          );
          return { phase: 'Skipped', nodeId: node.id, outputs: emptyOutputs() };
        }
      }
      const args = resolveArguments(step, itemScope);
      return await slots.use(async () => {
        if (!mayStart()) return undefined;
        const outcome = await runTemplate(ctx, one, step.template, args);
        // Still holding the slot, so an item waiting for it sees the failure before it starts.
        if (options.failFast && failed(outcome.phase)) stopLaunching = true;
        return outcome;
      });
    } catch (err) {
      return errorNode(ctx, one, step.template, describeError(err));
    }
  };

  if (!items) return done((await runOne(place, scope)) as Outcome);

  let parentId = place.parentId;
  let groupId: string | undefined;
  if (options.loopGroup) {
    const group = ctx.book.add(
      {
        name: place.nodeName,
        displayName: place.displayName,
        type: 'TaskGroup',
        templateName: step.template,
        boundaryID: place.boundaryID,
      },
      place.parentId,
    );
    parentId = group.id;
    groupId = group.id;
  }
  const children = await Promise.all(
    items.map(async (item) => {
      const itemScope = scope.child();
      for (const [k, v] of itemVariables(item.value)) itemScope.set(k, v);
      const label = `(${item.index}:${item.label})`;
      const child: Placement = {
        nodeName: `${place.nodeName}${label}`,
        displayName: `${place.displayName}${label}`,
        parentId,
        boundaryID: place.boundaryID,
      };
      return runOne(child, itemScope, () => !stopLaunching);
    }),
  );
  const ran = children.filter((c): c is Outcome => c !== undefined);
  const firstFailure = ran.find((c) => failed(c.phase));
  const phase = firstFailure
    ? firstFailure.phase
    : items.length === 0 || ran.every((c) => c.phase === 'Skipped')
      ? 'Skipped'
      : 'Succeeded';
  const message = firstFailure ? childFailedMessage(ctx, firstFailure) : undefined;
  if (groupId) ctx.book.update(groupId, { phase, ...(message ? { message } : {}) });
  return done({ phase, message, nodeId: groupId, outputs: aggregateOutputs(ran) }, ran);
}

/** A loop's outputs, as Argo aggregates them: each parameter and the result become JSON lists. */
function aggregateOutputs(children: Outcome[]): NodeOutputs {
  const asJson = (text: string) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  };
  const names = new Set(children.flatMap((c) => Object.keys(c.outputs.parameters)));
  const parameters: Record<string, string> = {};
  for (const name of names)
    parameters[name] = JSON.stringify(children.map((c) => c.outputs.parameters[name] ?? null));
  const results = children
    .filter((c) => c.outputs.result !== undefined)
    .map((c) => asJson(c.outputs.result as string));
  return { parameters, artifacts: {}, ...(results.length ? { result: JSON.stringify(results) } : {}) };
}

/** Makes a finished step's outputs visible as `<kind>.<name>.…` to the steps or tasks after it. */
export function exportOutcome(
  scope: Scope,
  kind: 'steps' | 'tasks',
  name: string,
  outcome: Outcome,
  ctx: RunContext,
): void {
  const prefix = `${kind}.${name}`;
  const node = outcome.nodeId ? ctx.book.status.nodes[outcome.nodeId] : undefined;
  scope.set(`${prefix}.status`, outcome.phase);
  if (outcome.nodeId) scope.set(`${prefix}.id`, outcome.nodeId);
  if (node?.startedAt) scope.set(`${prefix}.startedAt`, node.startedAt);
  if (node?.finishedAt) scope.set(`${prefix}.finishedAt`, node.finishedAt);
  if (outcome.outputs.result !== undefined) scope.set(`${prefix}.outputs.result`, outcome.outputs.result);
  if (outcome.outputs.exitCode !== undefined) {
    scope.set(`${prefix}.exitCode`, outcome.outputs.exitCode);
    scope.set(`${prefix}.outputs.exitCode`, outcome.outputs.exitCode);
  }
  for (const [k, v] of Object.entries(outcome.outputs.parameters))
    scope.set(`${prefix}.outputs.parameters.${k}`, v);
  for (const [k, v] of Object.entries(outcome.outputs.artifacts))
    scope.setArtifact(`${prefix}.outputs.artifacts.${k}`, v);
}

/** A steps or DAG template's declared outputs, taken from its children through valueFrom / from. */
export function collectTemplateOutputs(template: Template, scope: Scope): NodeOutputs {
  const outputs: NodeOutputs = emptyOutputs();
  for (const p of template.outputs?.parameters ?? []) {
    const raw = p.valueFrom?.parameter ?? p.value;
    if (raw !== undefined) outputs.parameters[p.name] = substitute(raw, scope.lookup);
  }
  for (const a of template.outputs?.artifacts ?? []) {
    const name = a.from ? /^\{\{\s*([^{}]+?)\s*\}\}$/.exec(a.from)?.[1] : undefined;
    const ref = name ? scope.getArtifact(name) : undefined;
    if (ref) outputs.artifacts[a.name] = ref;
  }
  return outputs;
}

/** Closes a steps or DAG node: its outputs come from its children, and must resolve if it succeeded. */
export function finishTemplateNode(
  ctx: RunContext,
  nodeId: string,
  template: Template,
  scope: Scope,
  phase: Outcome['phase'],
  message: string | undefined,
): Outcome {
  let outputs = emptyOutputs();
  if (!failed(phase)) {
    try {
      outputs = collectTemplateOutputs(template, scope);
    } catch (err) {
      phase = 'Error';
      message = `outputs of template '${template.name}': ${describeError(err)}`;
    }
  }
  ctx.book.update(nodeId, { phase, ...(message ? { message } : {}), outputs: publicOutputs(outputs) });
  return { phase, message, nodeId, outputs };
}

/** The outputs as they appear in a node's status. */
export function publicOutputs(outputs: NodeOutputs) {
  const parameters = Object.entries(outputs.parameters).map(([name, value]) => ({ name, value }));
  return {
    ...(parameters.length ? { parameters } : {}),
    ...(outputs.result !== undefined ? { result: outputs.result } : {}),
  };
}
