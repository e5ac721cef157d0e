/**
 * The docker runtime against a real Docker engine (started by test/harness/global-setup.ts): the
 * template's limits reach the container, and artifacts flow through the mounted folders.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, inject, it } from 'vitest';
import { createContainerRuntime } from '../../src/engine/local/runtime/container.js';
import { TEST_IMAGE } from '../harness/docker.js';
import { manifest, runWorkflow } from './harness.js';

const docker = inject('docker');
const available = 'host' in docker;
if (!available) console.warn(`docker runtime tests skipped: ${docker.unavailable}`);

describe.skipIf(!available)('docker runtime', () => {
  if ('host' in docker) process.env.DOCKER_HOST = docker.host;

  it('passes resources.limits to the container as --cpus and --memory (checked with docker inspect)', async () => {
    let inspected: { NanoCpus: number; Memory: number } | undefined;
    const run = runWorkflow(
      manifest(`entrypoint: main
templates:
  - name: main
    container:
      image: ${TEST_IMAGE}
      command: [sh, -c, "sleep 2; echo done"]
      resources:
        limits:
          cpu: 500m
          memory: 64Mi`),
      { runtime: createContainerRuntime('docker') },
    );
    // While the pod runs (the root pod is named after the workflow), ask the engine what it was given.
    const deadline = Date.now() + 20_000;
    while (!inspected && Date.now() < deadline) {
      try {
        const out = execFileSync('docker', ['inspect', '--format', '{{json .HostConfig}}', 'wf'], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
        });
        inspected = JSON.parse(out);
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const r = await run;
    expect(inspected).toMatchObject({ NanoCpus: 500_000_000, Memory: 64 * 1024 * 1024 });
    expect(r.node('').outputs?.result).toBe('done');
  });

  it('runs steps with artifacts in and out of containers, including fan-in by prefix', async () => {
    const r = await runWorkflow(
      manifest(`entrypoint: main
templates:
  - name: main
    steps:
      - - name: part
          template: part
          arguments:
            parameters:
              - name: n
                value: "{{item}}"
          withItems: [1, 2]
      - - name: sum
          template: sum
  - name: part
    inputs:
      parameters:
        - name: n
    container:
      image: ${TEST_IMAGE}
      command: [sh, -c, "mkdir -p /work/out && echo {{inputs.parameters.n}} > /work/out/n.txt"]
    outputs:
      artifacts:
        - name: n
          path: /work/out/n.txt
          s3:
            key: "{{workflow.name}}/parts/{{inputs.parameters.n}}.tgz"
  - name: sum
    inputs:
      artifacts:
        - name: parts
          path: /in/parts
          s3:
            key: "{{workflow.name}}/parts"
    script:
      image: ${TEST_IMAGE}
      command: [sh]
      source: |
        ls /in/parts`),
      { runtime: createContainerRuntime('docker') },
    );
    expect(r.status.phase).toBe('Succeeded');
    expect(r.node('[1].sum').outputs?.result).toBe('1.tgz\n2.tgz');
    expect(await r.store.exists('wf/parts/1.tgz')).toBe(true);
  });

  it('a failing container fails its node with the exit code, and its log is kept', async () => {
    const r = await runWorkflow(
      manifest(`entrypoint: main
templates:
  - name: main
    container:
      image: ${TEST_IMAGE}
      command: [sh, -c, "echo about to fail >&2; exit 7"]`),
      { runtime: createContainerRuntime('docker') },
    );
    expect(r.node('')).toMatchObject({ phase: 'Failed', message: 'Error (exit code 7)' });
    expect(await r.engine.logs('wf', 'wf')).toContain('about to fail');
  });
});
