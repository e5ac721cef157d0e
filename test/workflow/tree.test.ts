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
