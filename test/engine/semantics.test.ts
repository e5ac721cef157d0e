/**
 * The Argo semantics the local engine implements, one workflow per row, run for real with the host
 * runtime: each row says what it exercises and what Argo would report.
 */
import { describe, expect, it } from 'vitest';
import { fnv32a } from '../../src/engine/naming.js';
import { manifest, type RunResult, runWorkflow } from './harness.js';

interface Case {
  what: string;
  spec: string;
  parameters?: Record<string, string>;
  stored?: Record<string, string>;
  check: (r: RunResult) => void | Promise<void>;
}

const echo = (name: string, text: string) => `- name: ${name}
  container:
    image: busybox
    command: [sh, -c]
    args: ["echo ${text}"]`;

const cases: Case[] = [
  {
    what: 'container: command and args run; stdout becomes outputs.result',
    spec: `entrypoint: main
templates:
${indent(echo('main', 'hello world'))}`,
    check: (r) => {
      expect(r.status.phase).toBe('Succeeded');
      expect(r.node('').outputs?.result).toBe('hello world');
      expect(r.node('').type).toBe('Pod');
    },
  },
  {
    what: 'script: the source runs through the command; outputs.result',
    spec: `entrypoint: main
templates:
  - name: main
    script:
      image: node:24
      command: [node]
      source: |
        console.log(6 * 7)`,
    check: (r) => expect(r.node('').outputs?.result).toBe('42'),
  },
  {
    what: 'steps: groups run in order, steps of a group in parallel; node names and IDs as Argo',
    spec: `entrypoint: main
templates:
  - name: main
    steps:
      - - name: a
          template: say
      - - name: b
          template: say
        - name: c
          template: say
${indent(echo('say', 'hi'))}`,
    check: (r) => {
      const a = r.node('[0].a');
      const b = r.node('[1].b');
      expect(a.id).toBe(`wf-${fnv32a('wf[0].a')}`);
      expect(r.node('[0]').type).toBe('StepGroup');
      expect(r.node('').children).toEqual([r.node('[0]').id, r.node('[1]').id]);
      expect(Date.parse(b.startedAt as string)).toBeGreaterThanOrEqual(Date.parse(a.finishedAt as string));
      expect(r.node('[1].c').boundaryID).toBe('wf');
    },
  },
  {
    what: 'dag: dependencies order tasks; a task is a child of its dependency',
    spec: `entrypoint: main
templates:
  - name: main
    dag:
      tasks:
        - name: first
          template: say
        - name: second
          template: say
          dependencies: [first]
${indent(echo('say', 'hi'))}`,
    check: (r) => {
      const first = r.node('.first');
      const second = r.node('.second');
      expect(first.children).toContain(second.id);
      expect(Date.parse(second.startedAt as string)).toBeGreaterThanOrEqual(
        Date.parse(first.finishedAt as string),
      );
      expect(r.node('').type).toBe('DAG');
    },
  },
  {
    what: 'dag depends: a failure handled by A.Failed leaves the DAG Succeeded; the unmet branch is Omitted',
    spec: `entrypoint: main
templates:
  - name: main
    dag:
      tasks:
        - name: flaky
          template: fail
        - name: recover
          template: say
          depends: flaky.Failed
        - name: celebrate
          template: say
          depends: flaky.Succeeded
${indent(echo('say', 'ok'))}
  - name: fail
    container:
      image: busybox
      command: [sh, -c, "exit 3"]`,
    check: (r) => {
      expect(r.node('.flaky').phase).toBe('Failed');
      expect(r.node('.flaky').message).toBe('Error (exit code 3)');
      expect(r.node('.recover').phase).toBe('Succeeded');
      expect(r.node('.celebrate').phase).toBe('Omitted');
      expect(r.status.phase).toBe('Failed'); // celebrate is a target, and omitted under a failed branch
    },
  },
  {
    what: 'continueOn.failed lets later steps run and the workflow succeed',
    spec: `entrypoint: main
templates:
  - name: main
    steps:
      - - name: broken
          template: fail
          continueOn:
            failed: true
      - - name: after
          template: say
${indent(echo('say', 'still here'))}
  - name: fail
    container:
      image: busybox
      command: [sh, -c, "exit 1"]`,
    check: (r) => {
      expect(r.node('[0].broken').phase).toBe('Failed');
      expect(r.node('[1].after').phase).toBe('Succeeded');
      expect(r.status.phase).toBe('Succeeded');
    },
  },
  {
    what: 'parameters: workflow arguments, input defaults, enum, valueFrom.path, globalName',
    parameters: { size: 'large' },
    spec: `entrypoint: main
arguments:
  parameters:
    - name: size
      value: small
      enum: [small, large]
templates:
  - name: main
    steps:
      - - name: make
          template: make
          arguments:
            parameters:
              - name: size
                value: "{{workflow.parameters.size}}"
      - - name: use
          template: use
          arguments:
            parameters:
              - name: word
                value: "{{steps.make.outputs.parameters.word}}"
  - name: make
    inputs:
      parameters:
        - name: size
        - name: suffix
          default: "!"
    container:
      image: busybox
      command: [sh, -c]
      args: ["printf '%s{{inputs.parameters.suffix}}' {{inputs.parameters.size}} > /tmp/word.txt"]
    outputs:
      parameters:
        - name: word
          globalName: the-word
          valueFrom:
            path: /tmp/word.txt
  - name: use
    inputs:
      parameters:
        - name: word
    container:
      image: busybox
      command: [sh, -c]
      args: ["echo got {{inputs.parameters.word}} and {{workflow.outputs.parameters.the-word}}"]`,
    check: (r) => {
      expect(r.node('[0].make').outputs?.parameters).toEqual([{ name: 'word', value: 'large!' }]);
      expect(r.node('[1].use').outputs?.result).toBe('got large! and large!');
      expect(r.node('[0].make').inputs?.parameters).toEqual([
        { name: 'size', value: 'large' },
        { name: 'suffix', value: '!' },
      ]);
    },
  },
  {
    what: 'artifacts: .tgz by default under <wf>/<pod>/, plain with archive none at an explicit s3.key, passed on with from',
    spec: `entrypoint: main
templates:
  - name: main
    steps:
      - - name: produce
          template: produce
      - - name: consume
          template: consume
          arguments:
            artifacts:
              - name: packed
                from: "{{steps.produce.outputs.artifacts.packed}}"
              - name: plain
                from: "{{steps.produce.outputs.artifacts.plain}}"
  - name: produce
    container:
      image: busybox
      command: [sh, -c]
      args: ["mkdir -p /tmp/dir && echo one > /tmp/dir/a.txt && echo two > /tmp/plain.txt"]
    outputs:
      artifacts:
        - name: packed
          path: /tmp/dir
        - name: plain
          path: /tmp/plain.txt
          archive:
            none: {}
          s3:
            key: "{{workflow.name}}/explicit/plain.txt"
  - name: consume
    inputs:
      artifacts:
        - name: packed
          path: /tmp/in/dir
        - name: plain
          path: /tmp/in/plain.txt
    container:
      image: busybox
      command: [sh, -c]
      args: ["cat /tmp/in/dir/a.txt /tmp/in/plain.txt"]`,
    check: async (r) => {
      const produced = r.node('[0].produce');
      const pod = `wf-produce-${fnv32a('wf[0].produce')}`;
      expect(produced.outputs?.artifacts).toEqual([
        { name: 'packed', s3: { key: `wf/${pod}/packed.tgz` } },
        { name: 'plain', s3: { key: 'wf/explicit/plain.txt' }, archive: { none: {} } },
      ]);
      expect(await r.artifact('wf/explicit/plain.txt')).toBe('two\n');
      expect(await r.store.exists(`wf/${pod}/main.log`)).toBe(true);
      expect(r.node('[1].consume').outputs?.result).toBe('one\ntwo');
    },
  },
  {
    what: "fan-in: an input artifact whose s3.key is a prefix is a folder of every run's output",
    spec: `entrypoint: main
templates:
  - name: main
    steps:
      - - name: run
          template: run
          arguments:
            parameters:
              - name: n
                value: "{{item}}"
          withItems: [1, 2, 3]
      - - name: reduce
          template: reduce
  - name: run
    inputs:
      parameters:
        - name: n
    container:
      image: busybox
      command: [sh, -c]
      args: ["echo {{inputs.parameters.n}} > /tmp/n.txt"]
    outputs:
      artifacts:
        - name: n
          path: /tmp/n.txt
          archive:
            none: {}
          s3:
            key: "{{workflow.name}}/parts/{{inputs.parameters.n}}.txt"
  - name: reduce
    inputs:
      artifacts:
        - name: parts
          path: /tmp/parts
          s3:
            key: "{{workflow.name}}/parts"
    container:
      image: busybox
      command: [sh, -c]
      args: ["cat /tmp/parts/1.txt /tmp/parts/2.txt /tmp/parts/3.txt | paste -sd+ | bc 2>/dev/null || cat /tmp/parts/*.txt | tr '\\\\n' ' '"]`,
    check: (r) => {
      expect(r.node('[1].reduce').phase).toBe('Succeeded');
      expect(r.node('[1].reduce').outputs?.result?.replace(/\s+/g, ' ').trim()).toMatch(/^(6|1 2 3)$/);
    },
  },
  {
    what: 'withItems of maps: {{item.field}}, and node names with sorted key:value labels',
    spec: `entrypoint: main
templates:
  - name: main
    steps:
      - - name: greet
          template: greet
          arguments:
            parameters:
              - name: who
                value: "{{item.name}}-{{item.age}}"
          withItems:
            - { name: ada, age: 36 }
            - { name: alan, age: 41 }
  - name: greet
    inputs:
      parameters:
        - name: who
    container:
      image: busybox
      command: [echo, "{{inputs.parameters.who}}"]`,
    check: (r) => {
      expect(r.node('[0].greet(0:age:36,name:ada)').outputs?.result).toBe('ada-36');
      expect(r.node('[0].greet(1:age:41,name:alan)').outputs?.result).toBe('alan-41');
    },
  },
  {
    what: "withParam from an earlier result, and a loop step's outputs aggregated as a JSON list",
    spec: `entrypoint: main
templates:
  - name: main
    steps:
      - - name: list
          template: list
      - - name: square
          template: square
          arguments:
            parameters:
              - name: n
                value: "{{item}}"
          withParam: "{{steps.list.outputs.result}}"
      - - name: show
          template: show
          arguments:
            parameters:
              - name: all
                value: "{{steps.square.outputs.result}}"
  - name: list
    container:
      image: busybox
      command: [echo, "[2, 3]"]
  - name: square
    inputs:
      parameters:
        - name: n
    container:
      image: busybox
      command: [sh, -c, "echo $(({{inputs.parameters.n}} * {{inputs.parameters.n}}))"]
  - name: show
    inputs:
      parameters:
        - name: all
    container:
      image: busybox
      command: [echo, "{{inputs.parameters.all}}"]`,
    check: (r) => {
      expect(r.node('[1].square(0:2)').outputs?.result).toBe('4');
      expect(r.node('[2].show').outputs?.result).toBe('[4,9]');
    },
  },
  {
    what: 'withSequence: count, start and a printf format',
    spec: `entrypoint: main
templates:
  - name: main
    steps:
      - - name: seq
          template: say
          arguments:
            parameters:
              - name: n
                value: "{{item}}"
          withSequence:
            start: "8"
            count: "3"
            format: "run-%02d"
  - name: say
    inputs:
      parameters:
        - name: n
    container:
      image: busybox
      command: [echo, "{{inputs.parameters.n}}"]`,
    check: (r) => {
      expect(r.byDisplay('seq(0:run-08)')[0]?.outputs?.result).toBe('run-08');
      expect(r.byDisplay('seq(2:run-10)')[0]?.outputs?.result).toBe('run-10');
    },
  },
  {
    what: 'when: comparisons with && || ! skip steps, which show as Skipped with the evaluated condition',
    spec: `entrypoint: main
templates:
  - name: main
    steps:
      - - name: coin
          template: coin
      - - name: heads
          template: say
          when: "{{steps.coin.outputs.result}} == heads && !(3 > 10)"
        - name: tails
          template: say
          when: "{{steps.coin.outputs.result}} == tails || 2 >= 3"
        - name: numeric
          template: say
          when: "10 > 9"
  - name: coin
    container:
      image: busybox
      command: [echo, heads]
${indent(echo('say', 'ran'))}`,
    check: (r) => {
      expect(r.node('[1].heads').phase).toBe('Succeeded');
      expect(r.node('[1].tails')).toMatchObject({
        phase: 'Skipped',
        type: 'Skipped',
        message: "when 'heads == tails || 2 >= 3' evaluated false",
      });
      expect(r.node('[1].numeric').phase).toBe('Succeeded'); // numbers compare as numbers: "10" > "9"
    },
  },
  {
    what: 'retryStrategy: a Retry node with attempts name(0), name(1); {{retries}} counts them',
    spec: `entrypoint: main
templates:
  - name: main
    retryStrategy:
      limit: 3
      retryPolicy: OnFailure
      backoff:
        duration: "0.05"
        factor: 2
    container:
      image: busybox
      command: [sh, -c, "echo attempt {{retries}}; [ {{retries}} -ge 2 ]"]`,
    check: (r) => {
      const retry = r.node('');
      expect(retry.type).toBe('Retry');
      expect(retry.phase).toBe('Succeeded');
      expect(retry.children).toHaveLength(3);
      expect(r.node('(0)').phase).toBe('Failed');
      expect(r.node('(2)')).toMatchObject({ phase: 'Succeeded', type: 'Pod' });
      expect(retry.outputs?.result).toBe('attempt 2');
    },
  },
  {
    what: 'retryPolicy OnError does not retry a plain failure',
    spec: `entrypoint: main
templates:
  - name: main
    retryStrategy:
      limit: 2
      retryPolicy: OnError
    container:
      image: busybox
      command: [sh, -c, "exit 1"]`,
    check: (r) => {
      expect(r.node('').children).toHaveLength(1);
      expect(r.status.phase).toBe('Failed');
    },
  },
  {
    what: "activeDeadlineSeconds on a template kills the pod and fails it with Argo's message",
    spec: `entrypoint: main
templates:
  - name: main
    activeDeadlineSeconds: 1
    container:
      image: busybox
      command: [sleep, "30"]`,
    check: (r) => {
      expect(r.node('')).toMatchObject({
        phase: 'Failed',
        message: 'Pod was active on the node longer than the specified deadline',
      });
      const took = Date.parse(r.status.finishedAt as string) - Date.parse(r.status.startedAt as string);
      expect(took).toBeLessThan(10_000);
    },
  },
  {
    what: 'timeout (a duration) works like a deadline',
    spec: `entrypoint: main
templates:
  - name: main
    timeout: 500ms
    container:
      image: busybox
      command: [sleep, "30"]`,
    check: (r) =>
      expect(r.node('').message).toBe('Pod was active on the node longer than the specified deadline'),
  },
  {
    what: 'spec.activeDeadlineSeconds stops the whole workflow',
    spec: `entrypoint: main
activeDeadlineSeconds: 1
templates:
  - name: main
    steps:
      - - name: slow
          template: slow
      - - name: never
          template: slow
  - name: slow
    container:
      image: busybox
      command: [sleep, "30"]`,
    check: (r) => {
      expect(r.status).toMatchObject({ phase: 'Failed', message: 'Max duration limit exceeded' });
      expect(() => r.node('[1].never')).toThrow();
    },
  },
  {
    what: 'template parallelism: at most 2 of 4 loop items run at once',
    spec: `entrypoint: main
templates:
  - name: main
    parallelism: 2
    steps:
      - - name: nap
          template: nap
          withItems: [1, 2, 3, 4]
  - name: nap
    container:
      image: busybox
      command: [sleep, "0.3"]`,
    check: (r) => {
      const pods = Object.values(r.status.nodes).filter((n) => n.type === 'Pod');
      expect(pods).toHaveLength(4);
      expect(maxOverlap(pods)).toBe(2);
    },
  },
  {
    what: 'workflow parallelism limits pods across the whole workflow',
    spec: `entrypoint: main
parallelism: 1
templates:
  - name: main
    steps:
      - - name: nap
          template: nap
          withItems: [1, 2, 3]
  - name: nap
    container:
      image: busybox
      command: [sleep, "0.2"]`,
    check: (r) => expect(maxOverlap(Object.values(r.status.nodes).filter((n) => n.type === 'Pod'))).toBe(1),
  },
  {
    what: 'failFast on a template stops starting loop items after a failure; without it, the others go on',
    spec: `entrypoint: main
templates:
  - name: main
    steps:
      - - name: fast
          template: fast
        - name: patient
          template: patient
  - name: fast
    parallelism: 1
    failFast: true
    steps:
      - - name: item
          template: maybe
          arguments:
            parameters:
              - name: n
                value: "{{item}}"
          withItems: [1, 2, 3]
  - name: patient
    parallelism: 1
    steps:
      - - name: item
          template: maybe
          arguments:
            parameters:
              - name: n
                value: "{{item}}"
          withItems: [1, 2, 3]
  - name: maybe
    inputs:
      parameters:
        - name: n
    container:
      image: busybox
      command: [sh, -c, "[ {{inputs.parameters.n}} -ne 1 ]"]`,
    check: (r) => {
      const items = (prefix: string) =>
        Object.values(r.status.nodes).filter((n) => n.type === 'Pod' && n.name.startsWith(`wf[0].${prefix}`));
      expect(items('fast')).toHaveLength(1);
      expect(
        items('patient')
          .map((n) => n.phase)
          .sort(),
      ).toEqual(['Failed', 'Succeeded', 'Succeeded']);
      expect(r.status.phase).toBe('Failed');
    },
  },
  {
    what: 'onExit runs after the entrypoint and sees workflow.status',
    spec: `entrypoint: main
onExit: report
templates:
  - name: main
    container:
      image: busybox
      command: [sh, -c, "exit 2"]
  - name: report
    container:
      image: busybox
      command: [echo, "finished {{workflow.status}}"]`,
    check: (r) => {
      expect(r.node('.onExit').outputs?.result).toBe('finished Failed');
      expect(r.status.phase).toBe('Failed');
    },
  },
  {
    what: 'workflow, pod and node variables',
    spec: `entrypoint: main
templates:
  - name: main
    inputs:
      parameters:
        - name: x
          default: "1"
    container:
      image: busybox
      command: [echo]
      args: ["{{workflow.name}} {{workflow.namespace}} {{pod.name}} {{node.name}} {{inputs.parameters}}"]`,
    check: (r) => {
      expect(r.node('').outputs?.result).toBe(`wf local wf wf [{"name":"x","value":"1"}]`);
      expect(r.status.nodes.wf?.id).toBe('wf');
    },
  },
  {
    what: 'env and workingDir are honoured on the host',
    spec: `entrypoint: main
templates:
  - name: main
    container:
      image: busybox
      command: [sh, -c, 'echo "$GREETING from $(pwd)"']
      workingDir: /tmp
      env:
        - name: GREETING
          value: "hello {{workflow.name}}"`,
    check: (r) => expect(r.node('').outputs?.result).toBe('hello wf from /tmp'),
  },
  {
    what: 'a memory limit is enforced on the host like a cgroup: memory in use is killed (OOMKilled), reserved address space is not',
    spec: `entrypoint: main
templates:
  - name: main
    steps:
      - - name: touches
          template: touches
        - name: reserves
          template: reserves
  - name: touches
    container:
      image: python
      # 200 MB written (so resident), held long enough for the watch to see it
      command: [python3, -c, "import time; b = b'x' * (200 * 1024 * 1024); time.sleep(5); print('survived')"]
      resources:
        limits:
          memory: 64Mi
  - name: reserves
    container:
      image: python
      # 2 GiB of address space mapped but never touched, as runtimes like Node 24 and the JVM do
      command: [python3, -c, "import mmap; m = mmap.mmap(-1, 2 * 1024 ** 3); print('reserved')"]
      resources:
        limits:
          memory: 64Mi`,
    check: (r) => {
      expect(r.node('[0].touches')).toMatchObject({ phase: 'Failed', message: 'OOMKilled (exit code 137)' });
      const took =
        Date.parse(r.node('[0].touches').finishedAt as string) -
        Date.parse(r.node('[0].touches').startedAt as string);
      expect(took).toBeLessThan(4000);
      expect(r.node('[0].reserves').outputs?.result).toBe('reserved');
    },
  },
  {
    what: 'an input artifact is staged with its mode (here executable), and S3 location fields are accepted',
    spec: `entrypoint: main
templates:
  - name: main
    steps:
      - - name: write
          template: write
      - - name: exec
          template: exec
          arguments:
            artifacts:
              - name: tool
                from: "{{steps.write.outputs.artifacts.tool}}"
  - name: write
    container:
      image: busybox
      command: [sh, -c, "printf '#!/bin/sh\\necho tool ran\\n' > /tmp/tool.sh"]
    outputs:
      artifacts:
        - name: tool
          path: /tmp/tool.sh
          s3:
            key: "{{workflow.name}}/tool.tgz"
            bucket: papers
            endpoint: minio:9000
  - name: exec
    inputs:
      artifacts:
        - name: tool
          path: /tmp/in/tool.sh
          mode: 493
    container:
      image: busybox
      command: [/tmp/in/tool.sh]`,
    check: (r) => expect(r.node('[1].exec').outputs?.result).toBe('tool ran'),
  },
  {
    what: "spec.arguments.artifacts feed the entrypoint's inputs, from the store",
    stored: { 'datasets/iris.csv': 'sepal,petal\n5.1,1.4\n' },
    spec: `entrypoint: main
arguments:
  parameters:
    - name: dataset
      value: iris
  artifacts:
    - name: data
      s3:
        key: "datasets/{{workflow.parameters.dataset}}.csv"
templates:
  - name: main
    inputs:
      parameters:
        - name: dataset
      artifacts:
        - name: data
          path: /tmp/in/data.csv
    container:
      image: busybox
      command: [sh, -c, "wc -l < /tmp/in/data.csv"]`,
    check: (r) => expect(r.node('').outputs?.result?.trim()).toBe('2'),
  },
  {
    what: 'a missing output file is an Error naming the path',
    spec: `entrypoint: main
templates:
  - name: main
    container:
      image: busybox
      command: ["true"]
    outputs:
      parameters:
        - name: p
          valueFrom:
            path: /tmp/missing.txt`,
    check: (r) =>
      expect(r.node('')).toMatchObject({
        phase: 'Error',
        message: 'outputs.parameters.p: no file at /tmp/missing.txt',
      }),
  },
  {
    what: 'a command that does not exist is an Error, not a Failure',
    spec: `entrypoint: main
templates:
  - name: main
    container:
      image: busybox
      command: [no-such-command-anywhere]`,
    check: (r) =>
      expect(r.node('')).toMatchObject({
        phase: 'Error',
        message: expect.stringContaining("cannot start 'no-such-command-anywhere'"),
      }),
  },
];

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}

/** The most pods whose [startedAt, finishedAt) intervals overlap at one moment. */
function maxOverlap(pods: { startedAt?: string; finishedAt?: string }[]): number {
  const events = pods.flatMap((p) => [
    [Date.parse(p.startedAt as string), 1],
    [Date.parse(p.finishedAt as string), -1],
  ]) as [number, number][];
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let max = 0;
  for (const [, d] of events) {
    now += d;
    max = Math.max(max, now);
  }
  return max;
}

describe('Argo semantics on the local engine', () => {
  it.each(cases.map((c) => [c.what, c] as const))('%s', async (_what, c) => {
    const r = await runWorkflow(manifest(c.spec), { parameters: c.parameters ?? {}, stored: c.stored ?? {} });
    await c.check(r);
  });
});
