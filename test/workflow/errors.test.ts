/**
 * What a researcher sees when a workflow is wrong: each message names file:line:col, the field,
 * and the fix. Snapshots keep the wording deliberate.
 */
import { describe, expect, it } from 'vitest';
import { loadWorkflow } from '../../src/workflow/load.js';
import { resolveWorkflowParameters } from '../../src/workflow/parameters.js';
import { validateWorkflow } from '../../src/workflow/validate.js';
import { manifest, writeWorkflow } from '../engine/harness.js';

async function problem(
  yaml: string,
  parameters: Record<string, string> = {},
  extra: Record<string, string> = {},
): Promise<string> {
  const dir = writeWorkflow(yaml, extra);
  try {
    const workflow = await loadWorkflow(dir);
    validateWorkflow(workflow);
    resolveWorkflowParameters(workflow, parameters);
  } catch (err) {
    const e = err as Error & { hint?: string };
    return `${e.message}${e.hint ? `\nhint: ${e.hint}` : ''}`.replaceAll(dir, '<dir>');
  }
  throw new Error('expected an error');
}

const leaf = `- name: say
  container:
    image: busybox
    command: [echo, hi]`;
const indent = (t: string) =>
  t
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');

const cases: {
  what: string;
  yaml: string;
  parameters?: Record<string, string>;
  extra?: Record<string, string>;
}[] = [
  {
    what: 'YAML syntax error',
    yaml: 'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {name: x\nspec: {}\n',
  },
  {
    what: 'an Argo feature the engine does not implement',
    yaml: manifest(`entrypoint: main
templates:
  - name: main
    container:
      image: busybox
      command: [echo]
    sidecars:
      - name: db
        image: postgres`),
  },
  {
    what: 'a misspelt field',
    yaml: manifest(`entrypoint: main
templates:
  - name: main
    container:
      image: busybox
      comand: [echo]`),
  },
  {
    what: 'an unknown template',
    yaml: manifest(`entrypoint: main
templates:
  - name: main
    steps:
      - - name: a
          template: sya
${indent(leaf)}`),
  },
  {
    what: 'a missing required input parameter',
    yaml: manifest(`entrypoint: main
templates:
  - name: main
    steps:
      - - name: a
          template: needs
  - name: needs
    inputs:
      parameters:
        - name: dataset
    container:
      image: busybox
      command: [echo, "{{inputs.parameters.dataset}}"]`),
  },
  {
    what: 'a workflow parameter outside its enum',
    yaml: manifest(`entrypoint: say
arguments:
  parameters:
    - name: dataset
      value: iris
      enum: [iris, wine]
templates:
${indent(leaf)}`),
    parameters: { dataset: 'mnist' },
  },
  {
    what: 'an override of an undeclared parameter',
    yaml: manifest(`entrypoint: say
arguments:
  parameters:
    - name: seeds
      value: "30"
templates:
${indent(leaf)}`),
    parameters: { seed: '3' },
  },
  {
    what: 'a workflow parameter with no value',
    yaml: manifest(`entrypoint: say
arguments:
  parameters:
    - name: seeds
templates:
${indent(leaf)}`),
  },
  {
    what: 'variables that cannot resolve',
    yaml: manifest(`entrypoint: main
templates:
  - name: main
    steps:
      - - name: a
          template: echo
          arguments:
            parameters:
              - name: msg
                value: "{{steps.later.outputs.result}} {{item}} {{workflow.parameters.nope}}"
      - - name: later
          template: echo
          arguments:
            parameters:
              - name: msg
                value: "{{=sprig.upper('x')}}"
  - name: echo
    inputs:
      parameters:
        - name: msg
    container:
      image: busybox
      command: [echo, "{{inputs.parameters.mesage}}", "{{outputs.parameters.none.path}}"]`),
  },
  {
    what: 'a dependency cycle',
    yaml: manifest(`entrypoint: main
templates:
  - name: main
    dag:
      tasks:
        - name: a
          template: say
          dependencies: [c]
        - name: b
          template: say
          depends: a
        - name: c
          template: say
          depends: "b && a.Succeeded"
${indent(leaf)}`),
  },
  {
    what: 'a workflowTemplateRef to a template that is not there',
    yaml: `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  generateName: x-
spec:
  workflowTemplateRef:
    name: missing
`,
    extra: {
      'template.yaml': `apiVersion: argoproj.io/v1alpha1
kind: WorkflowTemplate
metadata:
  name: other
spec:
  entrypoint: say
  templates:
${indent(indent(leaf))}
`,
    },
  },
];

describe('workflow errors', () => {
  it.each(cases.map((c) => [c.what, c] as const))('%s', async (_what, c) => {
    expect(await problem(c.yaml, c.parameters, c.extra)).toMatchSnapshot();
  });
});

describe('workflowTemplateRef', () => {
  it("runs the referenced template, the Workflow's arguments overriding the template's", async () => {
    const dir = writeWorkflow(
      `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  generateName: study-
spec:
  arguments:
    parameters:
      - name: dataset
        value: wine
  workflowTemplateRef:
    name: study
`,
      {
        'template.yaml': `apiVersion: argoproj.io/v1alpha1
kind: WorkflowTemplate
metadata:
  name: study
spec:
  entrypoint: say
  arguments:
    parameters:
      - name: dataset
        value: iris
      - name: seeds
        value: "30"
  templates:
    - name: say
      container:
        image: busybox
        command: [echo, "{{workflow.parameters.dataset}}"]
`,
      },
    );
    const workflow = await loadWorkflow(dir);
    validateWorkflow(workflow);
    expect(resolveWorkflowParameters(workflow)).toEqual({ dataset: 'wine', seeds: '30' });
    expect(workflow.manifest.spec.entrypoint).toBe('say');
  });
});

describe('entrypoint inputs', () => {
  it('must come from spec.arguments', async () => {
    const dir = writeWorkflow(
      manifest(`entrypoint: main
arguments:
  artifacts:
    - name: data
      from: "{{steps.x.outputs.artifacts.y}}"
templates:
  - name: main
    inputs:
      parameters:
        - name: size
      artifacts:
        - name: model
          path: /tmp/model
          from: "{{steps.x.outputs.artifacts.y}}"
    container:
      image: busybox
      command: [echo, "{{inputs.parameters.size}}"]`),
    );
    const workflow = await loadWorkflow(dir);
    expect(() => validateWorkflow(workflow)).toThrow(
      /entrypoint 'main' needs input parameter 'size'[\s\S]*entrypoint 'main' needs input artifact 'model'[\s\S]*spec\.arguments\.artifacts\[0\]\.from: a workflow argument cannot come 'from' a step[\s\S]*spec\.templates\[0\]\.inputs\.artifacts\[0\]\.from: 'from' belongs in a step's or task's arguments/,
    );
  });
});
