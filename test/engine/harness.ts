import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalEngine } from '../../src/engine/local/engine.js';
import { createHostRuntime } from '../../src/engine/local/runtime/host.js';
import type { Runtime } from '../../src/engine/local/runtime/types.js';
import type { NodeStatus, WorkflowStatus } from '../../src/engine/status.js';
import { FsArtifactStore } from '../../src/storage/index.js';
import { loadWorkflow } from '../../src/workflow/load.js';

export interface RunResult {
  status: WorkflowStatus;
  name: string;
  store: FsArtifactStore;
  dir: string;
  /** Nodes by name, without the workflow-name prefix: "[0].gen", "[1].say(0:a)". */
  node(suffix: string): NodeStatus;
  /** Nodes whose displayName is this. */
  byDisplay(displayName: string): NodeStatus[];
  /** Reads a stored artifact as text. */
  artifact(key: string): Promise<string>;
  warnings: string[];
  engine: LocalEngine;
}

/** A manifest around the given templates, with `main` as entrypoint unless the spec says otherwise. */
export function manifest(spec: string, name = 'wf'): string {
  return `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  name: ${name}
spec:
${spec
  .split('\n')
  .map((l) => `  ${l}`)
  .join('\n')}
`;
}

export function writeWorkflow(yaml: string, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'repro-wf-'));
  writeFileSync(join(dir, 'workflow.yaml'), yaml);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** Loads and runs a workflow to the end with the host runtime (or the one given). */
export async function runWorkflow(
  yaml: string,
  options: {
    parameters?: Record<string, string>;
    runtime?: Runtime;
    parallelism?: number;
    files?: Record<string, string>;
    /** Objects already in the artifact store, by key. */
    stored?: Record<string, string>;
  } = {},
): Promise<RunResult> {
  const dir = writeWorkflow(yaml, options.files);
  const store = new FsArtifactStore(join(dir, '.repro', 'artifacts'));
  for (const [key, text] of Object.entries(options.stored ?? {})) {
    const source = join(dir, 'stored.tmp');
    writeFileSync(source, text);
    await store.putFile(key, source);
  }
  const warnings: string[] = [];
  const engine = new LocalEngine({
    store,
    runtime: options.runtime ?? createHostRuntime(),
    workDir: join(dir, '.repro', 'work'),
    ...(options.parallelism !== undefined ? { parallelism: options.parallelism } : {}),
    onWarning: (w) => warnings.push(w),
  });
  const workflow = await loadWorkflow(dir);
  const submitted = await engine.submit(workflow, { parameters: options.parameters ?? {} });
  const status = await engine.wait(submitted.name);
  const nodes = Object.values(status.nodes);
  return {
    status,
    name: submitted.name,
    store,
    dir,
    warnings,
    engine,
    node(suffix) {
      const found = nodes.find((n) => n.name === `${submitted.name}${suffix}`);
      if (!found)
        throw new Error(`no node ${submitted.name}${suffix}; nodes: ${nodes.map((n) => n.name).join(', ')}`);
      return found;
    },
    byDisplay: (displayName) => nodes.filter((n) => n.displayName === displayName),
    artifact: async (key) => {
      const file = join(dir, 'artifact.out');
      await store.getToFile(key, file);
      return readFile(file, 'utf8');
    },
  };
}
