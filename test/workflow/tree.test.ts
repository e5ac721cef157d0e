import { expect, it } from 'vitest';
import { renderWorkflowTree } from '../../src/workflow/tree.js';
import { manifest, runWorkflow } from '../engine/harness.js';

it('renders a run as argo watch does, with stable columns', async () => {
  const r = await runWorkflow(
    manifest(`entrypoint: main
templates:
  - name: main
    steps:
      - - name: first
          template: say
      - - name: loop
          template: say
          withItems: [a, b]
      - - name: skipped
          template: say
          when: "1 == 2"
  - name: say
    container:
      image: busybox
      command: [echo, hi]`),
  );
  // Durations depend on the clock, so the clock is fixed at the workflow's end.
  const lines = renderWorkflowTree(
    { name: r.name, namespace: 'local', parameters: { seeds: '3' } },
    r.status,
    {
      now: Date.parse(r.status.finishedAt as string),
    },
  );
  const text = lines.join('\n').replace(/\d+s/g, 'Ns');
  expect(text).toMatchInlineSnapshot(`
    "Name:                wf
    Namespace:           local
    Status:              Succeeded
    Duration:            Ns
    Progress:            3/3
    Parameters:
      seeds:             3

    STEP              TEMPLATE  PODNAME            DURATION  MESSAGE
     ✔ wf             main
     ├───✔ first      say       wf-say-881107586   Ns
     ├─┬─✔ loop(0:a)  say       wf-say-2164026579  Ns
     │ └─✔ loop(1:b)  say       wf-say-10664017    Ns
     └───○ skipped    say                                    when '1 == 2' evaluated false"
  `);
});

it('a tree taller than the terminal keeps the root and unfinished nodes, and says how many it hides', async () => {
  const r = await runWorkflow(
    manifest(`entrypoint: main
templates:
  - name: main
    steps:
      - - name: loop
          template: say
          withSequence:
            count: "12"
  - name: say
    container:
      image: busybox
      command: [echo, hi]`),
  );
  const running = structuredClone(r.status);
  const last = Object.values(running.nodes).find((n) => n.displayName === 'loop(11:11)');
  if (last) last.phase = 'Running';
  const lines = renderWorkflowTree({ name: r.name, namespace: 'local', parameters: {} }, running, {
    maxRows: 5,
  });
  const rows = lines.slice(lines.indexOf('') + 2);
  expect(rows[0]).toMatch(/^ ✔ wf /);
  expect(rows.some((l) => l.includes('● loop(11:11)'))).toBe(true);
  expect(rows.at(-1)).toBe(' … 8 finished nodes not shown');
  expect(rows).toHaveLength(6);
});
