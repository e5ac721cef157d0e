import { expect, it } from 'vitest';
import { LocalEngine } from '../../src/engine/local/engine.js';
import { createHostRuntime } from '../../src/engine/local/runtime/host.js';
import { loadWorkflow } from '../../src/workflow/load.js';
import { manifest, runWorkflow } from './harness.js';

it("parallel runs writing the same declared path never see each other's files", async () => {
  const r = await runWorkflow(
    manifest(`entrypoint: main
templates:
  - name: main
    steps:
      - - name: run
          template: run
          arguments:
            parameters:
              - name: n
                value: "{{item}}"
          withSequence:
            count: "6"
  - name: run
    inputs:
      parameters:
        - name: n
    container:
      image: busybox
      command: [sh, -c]
      # Each run checks the file is absent, writes its own number, waits, and reads it back.
      args: ["test ! -e /tmp/out/value.txt && mkdir -p /tmp/out && echo {{inputs.parameters.n}} > /tmp/out/value.txt && sleep 0.3 && cat /tmp/out/value.txt"]
    outputs:
      artifacts:
        - name: value
          path: /tmp/out/value.txt
          archive:
            none: {}
          s3:
            key: "{{workflow.name}}/values/{{inputs.parameters.n}}.txt"`),
    { parallelism: 6 },
  );
  expect(r.status.phase).toBe('Succeeded');
  for (let n = 0; n < 6; n++) {
    expect(r.node(`[0].run(${n}:${n})`).outputs?.result).toBe(String(n));
    expect(await r.artifact(`wf/values/${n}.txt`)).toBe(`${n}\n`);
  }
});

it('a second run with the same name is refused, so old results never mix into a new report', async () => {
  const first = await runWorkflow(
    manifest(`entrypoint: main
templates:
  - name: main
    container:
      image: busybox
      command: [echo, hi]`),
  );
  const engine = new LocalEngine({ store: first.store, runtime: createHostRuntime(), workDir: first.dir });
  await expect(engine.submit(await loadWorkflow(first.dir))).rejects.toThrow(
    `already holds a run named 'wf'`,
  );
});
