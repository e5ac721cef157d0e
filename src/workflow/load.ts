import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { z } from 'zod';
import { type Manifest, manifestSchema } from './schema.js';
import {
  type FieldPath,
  formatPath,
  hasPath,
  locate,
  parseYamlFile,
  type SourceDocument,
  workflowError,
} from './source.js';

/** A Workflow ready to validate and run, with a way back to the YAML behind every field. */
export interface LoadedWorkflow {
  manifest: Manifest;
  /** The file the Workflow came from, and its folder: where a host runtime runs commands. */
  file: string;
  dir: string;
  /** file:line:col of a field of the (merged) manifest. */
  where(path: FieldPath, key?: string): string;
}

interface ParsedManifest {
  manifest: Manifest;
  source: SourceDocument;
}

const YAML_FILE = /\.ya?ml$/;

/** Loads `input` (a workflow file, or a folder holding one) and resolves workflowTemplateRef. */
export async function loadWorkflow(input: string): Promise<LoadedWorkflow> {
  const target = resolve(input);
  const info = await stat(target).catch(() => undefined);
  if (!info) throw workflowError(`${input}: no such file or folder.`);
  const dir = info.isDirectory() ? target : dirname(target);
  const candidates = info.isDirectory() ? await yamlFilesIn(dir) : [target];
  const parsed = (await Promise.all(candidates.map(parseManifests))).flat();
  const workflows = parsed.filter((p) => p.manifest.kind === 'Workflow');
  if (workflows.length === 0) {
    throw workflowError(
      `${input}: no Argo Workflow found (looked in ${candidates.map((f) => basename(f)).join(', ') || 'no YAML files'}).`,
      'A workflow file has kind: Workflow and apiVersion: argoproj.io/v1alpha1.',
    );
  }
  if (workflows.length > 1) {
    throw workflowError(
      `${input}: ${workflows.length} Workflows found (${workflows.map((w) => w.source.file).join(', ')}); name the one to run.`,
    );
  }
  const workflow = workflows[0] as ParsedManifest;
  const ref = workflow.manifest.spec.workflowTemplateRef;
  if (!ref) return finish(workflow, [workflow.source], dir);

  // The referenced template may sit anywhere in the folder, so every YAML file there is read.
  const pool = info.isDirectory()
    ? parsed
    : (await Promise.all((await yamlFilesIn(dir)).map(parseManifests))).flat();
  const template = pool.find(
    (p) => p.manifest.kind === 'WorkflowTemplate' && p.manifest.metadata.name === ref.name,
  );
  if (!template) {
    const known = pool
      .filter((p) => p.manifest.kind === 'WorkflowTemplate')
      .map((p) => p.manifest.metadata.name);
    throw workflowError(
      `${workflow.source.file ? locate(workflow.source, ['spec', 'workflowTemplateRef', 'name']) : ''}: workflowTemplateRef names '${ref.name}', but no WorkflowTemplate of that name is in ${dir}.`,
      known.length
        ? `WorkflowTemplates there: ${known.join(', ')}.`
        : 'Put the WorkflowTemplate in the same folder.',
    );
  }
  const { workflowTemplateRef: _, ...own } = workflow.manifest.spec;
  const spec = {
    ...template.manifest.spec,
    ...own,
    arguments: mergeArguments(template.manifest, workflow.manifest),
  };
  return finish(
    { manifest: { ...workflow.manifest, spec }, source: workflow.source },
    [workflow.source, template.source],
    dir,
  );
}

function finish(workflow: ParsedManifest, sources: SourceDocument[], dir: string): LoadedWorkflow {
  return {
    manifest: workflow.manifest,
    file: workflow.source.file,
    dir,
    where: (path, key) =>
      locate(sources.find((s) => hasPath(s, path)) ?? (sources[0] as SourceDocument), path, key),
  };
}

/** The Workflow's own argument values override the template's, parameter by parameter. */
function mergeArguments(template: Manifest, workflow: Manifest): Manifest['spec']['arguments'] {
  const own = workflow.spec.arguments?.parameters ?? [];
  const base = template.spec.arguments?.parameters ?? [];
  const parameters = [
    ...base.map((p) => own.find((o) => o.name === p.name) ?? p),
    ...own.filter((o) => !base.some((p) => p.name === o.name)),
  ];
  return { ...template.spec.arguments, ...workflow.spec.arguments, parameters };
}

async function yamlFilesIn(dir: string): Promise<string[]> {
  const names = (await readdir(dir)).filter(
    (n) => YAML_FILE.test(n) && n !== 'repro.yml' && n !== 'repro.yaml',
  );
  return names.sort().map((n) => join(dir, n));
}

/** The Argo manifests of a YAML file; other YAML (CI config, data) is skipped. */
async function parseManifests(file: string): Promise<ParsedManifest[]> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw workflowError(`${file}: cannot be read.`);
  });
  const out: ParsedManifest[] = [];
  for (const source of parseYamlFile(file, text)) {
    const raw = source.doc.toJS() as { apiVersion?: unknown; kind?: unknown } | null;
    if (!raw || typeof raw !== 'object' || !String(raw.apiVersion ?? '').startsWith('argoproj.io/')) continue;
    if (raw.kind !== 'Workflow' && raw.kind !== 'WorkflowTemplate') continue;
    const result = manifestSchema.safeParse(raw);
    if (!result.success) throw schemaError(source, result.error);
    out.push({ manifest: result.data, source });
  }
  return out;
}

const MAX_REPORTED = 10;

/** Every schema problem at its file:line:col, naming the field and what was expected. */
function schemaError(source: SourceDocument, error: z.ZodError): Error {
  const lines = error.issues.slice(0, MAX_REPORTED).map((issue) => {
    const path = issue.path as (string | number)[];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys
        .map(
          (key) =>
            `${locate(source, path, key)}: ${formatPath([...path, key])}: '${key}' is not a field Repro's local engine implements.`,
        )
        .join('\n');
    }
    const where = locate(source, path);
    if (issue.code === 'invalid_type' && issue.input === undefined)
      return `${where}: ${formatPath(path)} is required.`;
    return `${where}: ${formatPath(path)}: ${issue.message}.`;
  });
  const more = error.issues.length > MAX_REPORTED ? `\n(and ${error.issues.length - MAX_REPORTED} more)` : '';
  return workflowError(
    `${source.file} is not a workflow Repro can run:\n${lines.join('\n')}${more}`,
    'Unsupported Argo features are refused rather than ignored; docs/local-engine.md lists what is implemented.',
  );
}
