import { parseExpression } from './boolean-expression.js';
import { dependenciesOf } from './dependencies.js';
import type { LoadedWorkflow } from './load.js';
import type { Invocation, Task, Template } from './schema.js';
import { type FieldPath, formatPath, workflowError } from './source.js';
import { findVariables } from './variables.js';

const MAX_REPORTED = 20;
const WORKFLOW_VARIABLES = new Set([
  'workflow.name',
  'workflow.namespace',
  'workflow.uid',
  'workflow.creationTimestamp',
  'workflow.parameters',
  'workflow.status',
  'workflow.failures',
  'workflow.duration',
  'workflow.serviceAccountName',
]);
const NODE_ATTRIBUTES = new Set([
  'status',
  'id',
  'startedAt',
  'finishedAt',
  'exitCode',
  'outputs.exitCode',
  'outputs.result',
  'ip',
  'hostNodeName',
]);

/** Calls `visit` for every string inside a value, with its path. */
function eachString(value: unknown, path: FieldPath, visit: (text: string, path: FieldPath) => void): void {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) value.forEach((v, i) => eachString(v, [...path, i], visit));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) eachString(v, [...path, k], visit);
}

const isLeaf = (t: Template) => t.container !== undefined || t.script !== undefined;

/**
 * Checks a whole workflow before anything runs: every template reference, argument, dependency
 * and variable. Throws one error listing every problem at its file:line:col.
 */
export function validateWorkflow(workflow: LoadedWorkflow): void {
  const problems: string[] = [];
  const at = (path: FieldPath, message: string) =>
    problems.push(`${workflow.where(path)}: ${formatPath(path)}: ${message}`);
  const spec = workflow.manifest.spec;
  const templates = spec.templates ?? [];
  const byName = new Map<string, Template>();
  templates.forEach((t, i) => {
    if (byName.has(t.name)) at(['spec', 'templates', i, 'name'], `a second template is named '${t.name}'.`);
    byName.set(t.name, t);
  });
  const known = () => [...byName.keys()].join(', ');
  const declaredWorkflowParams = new Set((spec.arguments?.parameters ?? []).map((p) => p.name));
  if (!spec.entrypoint) at(['spec'], 'entrypoint is required.');
  else if (!byName.has(spec.entrypoint))
    at(['spec', 'entrypoint'], `no template is named '${spec.entrypoint}' (templates: ${known()}).`);
  const entry = spec.entrypoint ? byName.get(spec.entrypoint) : undefined;
  if (entry) {
    // The entrypoint's inputs come from spec.arguments, as in Argo.
    const given = new Set((spec.arguments?.parameters ?? []).map((p) => p.name));
    for (const p of entry.inputs?.parameters ?? []) {
      if (!given.has(p.name) && p.value === undefined && p.default === undefined) {
        at(
          ['spec', 'entrypoint'],
          `the entrypoint '${entry.name}' needs input parameter '${p.name}'; declare it under spec.arguments.parameters.`,
        );
      }
    }
    const givenArtifacts = new Set((spec.arguments?.artifacts ?? []).map((a) => a.name));
    for (const a of entry.inputs?.artifacts ?? []) {
      if (!givenArtifacts.has(a.name) && !a.s3 && !a.optional) {
        at(
          ['spec', 'entrypoint'],
          `the entrypoint '${entry.name}' needs input artifact '${a.name}'; give it under spec.arguments.artifacts with an s3.key.`,
        );
      }
    }
  }
  (spec.arguments?.artifacts ?? []).forEach((a, i) => {
    const path = ['spec', 'arguments', 'artifacts', i];
    if (a.from !== undefined)
      at([...path, 'from'], "a workflow argument cannot come 'from' a step; give an s3.key.");
    else if (!a.s3) at(path, 'a workflow argument artifact needs an s3.key.');
    for (const name of findVariables(a.s3?.key ?? '')) {
      const ok =
        WORKFLOW_VARIABLES.has(name) ||
        (name.startsWith('workflow.parameters.') && declaredWorkflowParams.has(name.slice(20)));
      if (!ok)
        at([...path, 's3', 'key'], `{{${name}}} cannot be resolved: only workflow variables are known here.`);
    }
  });
  if (spec.onExit && !byName.has(spec.onExit))
    at(['spec', 'onExit'], `no template is named '${spec.onExit}' (templates: ${known()}).`);

  const globalNames = new Set(
    templates.flatMap((t) =>
      (t.outputs?.parameters ?? []).flatMap((p) => (p.globalName ? [p.globalName] : [])),
    ),
  );

  templates.forEach((template, ti) => {
    const base: FieldPath = ['spec', 'templates', ti];
    const kinds = (['container', 'script', 'steps', 'dag'] as const).filter((k) => template[k] !== undefined);
    if (kinds.length !== 1) {
      at(
        base,
        kinds.length === 0
          ? `template '${template.name}' needs one of container, script, steps or dag (other template types are not implemented locally).`
          : `template '${template.name}' has ${kinds.join(' and ')}; a template is exactly one kind.`,
      );
      return;
    }
    if (template.script && !template.script.command?.length)
      at(
        [...base, 'script'],
        'a script needs a command to run its source, e.g. command: [python] or [node].',
      );
    (template.inputs?.artifacts ?? []).forEach((a, i) => {
      if (a.from !== undefined)
        at(
          [...base, 'inputs', 'artifacts', i, 'from'],
          "'from' belongs in a step's or task's arguments, not in a template's inputs.",
        );
    });
    if (!isLeaf(template) && template.retryStrategy)
      at([...base, 'retryStrategy'], 'retryStrategy is implemented for container and script templates only.');

    const inputParams = new Set((template.inputs?.parameters ?? []).map((p) => p.name));
    const inputArtifacts = new Set((template.inputs?.artifacts ?? []).map((a) => a.name));
    const outputParams = new Set((template.outputs?.parameters ?? []).map((p) => p.name));
    const outputArtifacts = new Set((template.outputs?.artifacts ?? []).map((a) => a.name));

    /** Why a variable cannot resolve in this template, or undefined if it can. */
    const commonProblem = (name: string): string | undefined | null => {
      if (name.startsWith('=')) return 'expression tags {{=…}} are not implemented locally; use simple tags';
      if (WORKFLOW_VARIABLES.has(name)) return undefined;
      if (name.startsWith('workflow.parameters.')) {
        const p = name.slice('workflow.parameters.'.length);
        return declaredWorkflowParams.has(p) ? undefined : `the workflow declares no parameter '${p}'`;
      }
      if (name.startsWith('workflow.outputs.parameters.')) {
        const p = name.slice('workflow.outputs.parameters.'.length);
        return globalNames.has(p) ? undefined : `no output parameter has globalName '${p}'`;
      }
      if (name === 'inputs.parameters') return undefined;
      if (name.startsWith('inputs.parameters.')) {
        const p = name.slice('inputs.parameters.'.length);
        return inputParams.has(p) ? undefined : `template '${template.name}' has no input parameter '${p}'`;
      }
      if (name === 'node.name') return undefined;
      return null; // not decided here
    };

    const leafProblem = (name: string): string | undefined => {
      const common = commonProblem(name);
      if (common !== null) return common;
      if (!isLeaf(template)) return `{{${name}}} is not available in a ${kinds[0]} template`;
      if (name === 'pod.name' || name === 'retries') return undefined;
      let m = /^inputs\.artifacts\.([^.]+)\.path$/.exec(name);
      if (m)
        return inputArtifacts.has(m[1] as string)
          ? undefined
          : `template '${template.name}' has no input artifact '${m[1]}'`;
      m = /^outputs\.parameters\.([^.]+)\.path$/.exec(name);
      if (m)
        return outputParams.has(m[1] as string)
          ? undefined
          : `template '${template.name}' has no output parameter '${m[1]}'`;
      m = /^outputs\.artifacts\.([^.]+)\.path$/.exec(name);
      if (m)
        return outputArtifacts.has(m[1] as string)
          ? undefined
          : `template '${template.name}' has no output artifact '${m[1]}'`;
      return 'no such variable';
    };

    /** Problems with a reference to an earlier step or task, e.g. steps.X.outputs.parameters.Y. */
    const refProblem = (
      name: string,
      kind: 'steps' | 'tasks',
      visible: Map<string, Invocation>,
    ): string | undefined | null => {
      if (!name.startsWith(`${kind}.`)) return null;
      const rest = name.slice(kind.length + 1);
      const stepName = [...visible.keys()]
        .sort((a, b) => b.length - a.length)
        .find((s) => rest === s || rest.startsWith(`${s}.`));
      if (!stepName) {
        const what =
          kind === 'steps'
            ? 'no step of that name runs in an earlier group of'
            : 'no task of that name is an ancestor of this task in';
        return `${what} template '${template.name}'`;
      }
      const attribute = rest.slice(stepName.length + 1);
      const callee = byName.get((visible.get(stepName) as Invocation).template);
      if (NODE_ATTRIBUTES.has(attribute)) return undefined;
      let m = /^outputs\.parameters\.(.+)$/.exec(attribute);
      if (m) {
        const declared = callee?.outputs?.parameters?.some((p) => p.name === m?.[1]);
        return declared || !callee
          ? undefined
          : `template '${callee.name}' declares no output parameter '${m[1]}'`;
      }
      m = /^outputs\.artifacts\.(.+)$/.exec(attribute);
      if (m) {
        const declared = callee?.outputs?.artifacts?.some((a) => a.name === m?.[1]);
        return declared || !callee
          ? undefined
          : `template '${callee.name}' declares no output artifact '${m[1]}'`;
      }
      return `'${attribute}' is not an attribute of a ${kind === 'steps' ? 'step' : 'task'}`;
    };

    const checkText = (text: string, path: FieldPath, problemOf: (name: string) => string | undefined) => {
      for (const name of findVariables(text)) {
        const problem = problemOf(name);
        if (problem) at(path, `{{${name}}} cannot be resolved: ${problem}.`);
      }
    };

    // Strings of the template body.
    for (const field of [
      'container',
      'script',
      'activeDeadlineSeconds',
      'timeout',
      'retryStrategy',
    ] as const) {
      eachString(template[field], [...base, field], (text, path) => checkText(text, path, leafProblem));
    }
    (template.inputs?.artifacts ?? []).forEach((a, i) =>
      eachString(a.s3, [...base, 'inputs', 'artifacts', i, 's3'], (text, path) =>
        checkText(text, path, leafProblemOrCommon),
      ),
    );
    function leafProblemOrCommon(name: string): string | undefined {
      const common = commonProblem(name);
      return common === null ? 'no such variable' : common;
    }
    if (isLeaf(template)) {
      eachString(template.outputs, [...base, 'outputs'], (text, path) => checkText(text, path, leafProblem));
    }

    /** Checks one step or task: callee, arguments, loop and the variables it uses. */
    const checkInvocation = (
      step: Invocation,
      path: FieldPath,
      visible: Map<string, Invocation>,
      kind: 'steps' | 'tasks',
    ) => {
      const callee = byName.get(step.template);
      if (!callee) {
        at([...path, 'template'], `no template is named '${step.template}' (templates: ${known()}).`);
        return;
      }
      if (step.onExit)
        at([...path, 'onExit'], 'step-level onExit is not implemented locally; use spec.onExit.');
      const loops = (['withItems', 'withParam', 'withSequence'] as const).filter(
        (k) => step[k] !== undefined,
      );
      if (loops.length > 1) at(path, `use one of ${loops.join(', ')}, not several.`);
      const given = new Set((step.arguments?.parameters ?? []).map((p) => p.name));
      (step.arguments?.parameters ?? []).forEach((p, i) => {
        if (!callee.inputs?.parameters?.some((d) => d.name === p.name)) {
          at(
            [...path, 'arguments', 'parameters', i, 'name'],
            `template '${callee.name}' has no input parameter '${p.name}'.`,
          );
        }
        if (p.value === undefined && p.default === undefined)
          at([...path, 'arguments', 'parameters', i], `argument '${p.name}' has no value.`);
      });
      for (const p of callee.inputs?.parameters ?? []) {
        if (!given.has(p.name) && p.value === undefined && p.default === undefined) {
          at(
            path,
            `template '${callee.name}' needs input parameter '${p.name}', and this ${kind === 'steps' ? 'step' : 'task'} does not pass it.`,
          );
        }
      }
      const givenArtifacts = new Set((step.arguments?.artifacts ?? []).map((a) => a.name));
      for (const a of callee.inputs?.artifacts ?? []) {
        if (!givenArtifacts.has(a.name) && !a.s3 && !a.optional) {
          at(
            path,
            `template '${callee.name}' needs input artifact '${a.name}', and this ${kind === 'steps' ? 'step' : 'task'} does not pass it.`,
          );
        }
      }
      const hasLoop = loops.length > 0;
      const problemOf = (name: string): string | undefined => {
        const common = commonProblem(name);
        if (common !== null && name !== 'node.name') return common;
        if (name === 'item' || name.startsWith('item.'))
          return hasLoop ? undefined : 'this step has no withItems, withParam or withSequence';
        const ref = refProblem(name, kind, visible);
        if (ref !== null) return ref;
        return 'no such variable here';
      };
      for (const field of ['arguments', 'when', 'withParam', 'withItems'] as const) {
        eachString(step[field], [...path, field], (text, p) => checkText(text, p, problemOf));
      }
      if (step.when !== undefined) {
        try {
          parseExpression(step.when.replace(/\{\{[^{}]*\}\}/g, 'x'));
        } catch (err) {
          at([...path, 'when'], `cannot parse: ${(err as Error).message}.`);
        }
      }
    };

    // Steps: a step sees the steps of earlier groups.
    const earlier = new Map<string, Invocation>();
    template.steps?.forEach((group, g) => {
      group.forEach((step, s) => {
        const path = [...base, 'steps', g, s];
        if (earlier.has(step.name) || group.slice(0, s).some((o) => o.name === step.name))
          at([...path, 'name'], `a second step is named '${step.name}'.`);
        checkInvocation(step, path, earlier, 'steps');
      });
      for (const step of group) earlier.set(step.name, step);
    });
    if (template.steps)
      eachString(template.outputs, [...base, 'outputs'], (text, path) =>
        checkText(text, path, (n) => refOrCommon(n, 'steps', earlier)),
      );

    // DAG: a task sees its ancestors.
    if (template.dag) {
      const tasks = new Map<string, Task>();
      template.dag.tasks.forEach((t, i) => {
        if (tasks.has(t.name))
          at([...base, 'dag', 'tasks', i, 'name'], `a second task is named '${t.name}'.`);
        tasks.set(t.name, t);
      });
      const depsOf = new Map<string, string[]>();
      template.dag.tasks.forEach((t, i) => {
        const path = [...base, 'dag', 'tasks', i];
        if (t.dependencies && t.depends) at(path, 'use dependencies or depends, not both.');
        let deps: string[] = [];
        try {
          deps = dependenciesOf(t);
        } catch (err) {
          at([...path, 'depends'], `cannot parse: ${(err as Error).message}.`);
        }
        for (const d of deps)
          if (!tasks.has(d))
            at(
              [...path, t.depends ? 'depends' : 'dependencies'],
              `no task is named '${d}' in template '${template.name}'.`,
            );
        depsOf.set(
          t.name,
          deps.filter((d) => tasks.has(d)),
        );
      });
      const cycle = findCycle(depsOf);
      if (cycle) at([...base, 'dag', 'tasks'], `the dependencies form a cycle: ${cycle.join(' -> ')}.`);
      else {
        template.dag.tasks.forEach((t, i) => {
          const ancestors = new Map<string, Invocation>();
          const visit = (name: string) => {
            for (const d of depsOf.get(name) ?? []) {
              if (!ancestors.has(d)) {
                ancestors.set(d, tasks.get(d) as Task);
                visit(d);
              }
            }
          };
          visit(t.name);
          checkInvocation(t, [...base, 'dag', 'tasks', i], ancestors, 'tasks');
        });
      }
      for (const target of template.dag.target?.split(/\s+/).filter(Boolean) ?? []) {
        if (!tasks.has(target)) at([...base, 'dag', 'target'], `no task is named '${target}'.`);
      }
      eachString(template.outputs, [...base, 'outputs'], (text, path) =>
        checkText(text, path, (n) => refOrCommon(n, 'tasks', tasks)),
      );
    }

    function refOrCommon(
      name: string,
      kind: 'steps' | 'tasks',
      visible: Map<string, Invocation>,
    ): string | undefined {
      const common = commonProblem(name);
      if (common !== null) return common;
      const ref = refProblem(name, kind, visible);
      return ref === null ? 'no such variable here' : ref;
    }
  });

  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_REPORTED).join('\n');
    const more = problems.length > MAX_REPORTED ? `\n(and ${problems.length - MAX_REPORTED} more)` : '';
    throw workflowError(`${workflow.file} cannot run:\n${shown}${more}`);
  }
}

/** A dependency cycle as a list of task names, or undefined. */
function findCycle(deps: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (name: string): string[] | undefined => {
    if (state.get(name) === 'done') return undefined;
    if (state.get(name) === 'visiting') return [...stack.slice(stack.indexOf(name)), name];
    state.set(name, 'visiting');
    stack.push(name);
    for (const d of deps.get(name) ?? []) {
      const found = visit(d);
      if (found) return found;
    }
    stack.pop();
    state.set(name, 'done');
    return undefined;
  };
  for (const name of deps.keys()) {
    const found = visit(name);
    if (found) return found;
  }
  return undefined;
}
