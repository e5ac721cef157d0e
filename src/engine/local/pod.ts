import { chmod, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join, posix } from 'node:path';
import { describeError } from '../../errors.js';
import { filesUnder, packTgz, unpackTgz } from '../../storage/archive.js';
import { parseDuration } from '../../workflow/duration.js';
import type { Template } from '../../workflow/schema.js';
import { substitute } from '../../workflow/variables.js';
import { podName } from '../naming.js';
import type { NodePhase } from '../status.js';
import {
  emptyOutputs,
  failed,
  type NodeOutputs,
  type Outcome,
  type Placement,
  type RunContext,
} from './context.js';
import { type PodResult, parseCpu, parseMemory } from './runtime/types.js';
import type { ArtifactRef, Scope } from './scope.js';
import { publicOutputs } from './template.js';

/** Where Argo's executor puts a script's source inside the container. */
const SCRIPT_PATH = '/argo/staging/script';
const DEADLINE_MESSAGE = 'Pod was active on the node longer than the specified deadline';

/** A container or script template, with its retryStrategy if it has one. */
export async function runLeaf(
  ctx: RunContext,
  place: Placement,
  template: Template,
  scope: Scope,
): Promise<Outcome> {
  const retry = template.retryStrategy;
  if (!retry) return runPod(ctx, place, template, scope, 0);

  const retryNode = ctx.book.add(
    {
      name: place.nodeName,
      displayName: place.displayName,
      type: 'Retry',
      templateName: template.name,
      boundaryID: place.boundaryID,
    },
    place.parentId,
  );
  const limit = Number(substitute(String(retry.limit ?? 0), scope.lookup));
  const policy = retry.retryPolicy ?? 'OnFailure';
  const base =
    retry.backoff?.duration !== undefined
      ? parseDuration(retry.backoff.duration, 'retryStrategy.backoff.duration')
      : 0;
  const factor = Number(retry.backoff?.factor ?? 1);
  const maxDuration = retry.backoff?.maxDuration
    ? parseDuration(retry.backoff.maxDuration, 'retryStrategy.backoff.maxDuration')
    : undefined;
  const firstStart = Date.now();
  let outcome: Outcome = { phase: 'Error', outputs: emptyOutputs() };
  for (let attempt = 0; attempt <= limit; attempt++) {
    outcome = await runPod(
      ctx,
      {
        nodeName: `${place.nodeName}(${attempt})`,
        displayName: `${place.displayName}(${attempt})`,
        parentId: retryNode.id,
        boundaryID: place.boundaryID,
      },
      template,
      scope,
      attempt,
    );
    if (!failed(outcome.phase) || ctx.signal.aborted || attempt === limit || !retries(policy, outcome.phase))
      break;
    const wait = base * factor ** attempt;
    if (maxDuration !== undefined && (Date.now() - firstStart) / 1000 + wait > maxDuration) break;
    if (wait > 0) await sleep(wait * 1000, ctx.signal);
  }
  ctx.book.update(retryNode.id, {
    phase: outcome.phase,
    ...(outcome.message ? { message: outcome.message } : {}),
    outputs: publicOutputs(outcome.outputs),
  });
  return { ...outcome, nodeId: retryNode.id };
}

function retries(policy: string, phase: NodePhase): boolean {
  if (policy === 'Always') return true;
  if (policy === 'OnFailure') return phase === 'Failed';
  if (policy === 'OnError') return phase === 'Error';
  return false; // OnTransientError: a local run has no transient errors
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** One pod: stage inputs, run the container, collect outputs and the log. */
async function runPod(
  ctx: RunContext,
  place: Placement,
  template: Template,
  scope: Scope,
  attempt: number,
): Promise<Outcome> {
  const pod = podName(ctx.name, place.nodeName, template.name);
  const inputs = (template.inputs?.parameters ?? []).map((p) => ({
    name: p.name,
    value: scope.get(`inputs.parameters.${p.name}`) ?? '',
  }));
  const node = ctx.book.add(
    {
      name: place.nodeName,
      displayName: place.displayName,
      type: 'Pod',
      templateName: template.name,
      boundaryID: place.boundaryID,
      phase: 'Pending',
      hostNodeName: hostname(),
      ...(inputs.length ? { inputs: { parameters: inputs } } : {}),
    },
    place.parentId,
  );
  const finish = (
    phase: NodePhase,
    message: string | undefined,
    outputs: NodeOutputs = emptyOutputs(),
  ): Outcome => {
    ctx.book.update(node.id, {
      phase,
      ...(message ? { message } : {}),
      outputs: {
        ...publicOutputs(outputs),
        ...statusArtifacts(outputs),
        ...(outputs.exitCode !== undefined ? { exitCode: outputs.exitCode } : {}),
      },
    });
    return { phase, message, nodeId: node.id, outputs };
  };

  return ctx.podSlots.use(async () => {
    if (ctx.signal.aborted) return finish('Failed', ctx.stopReason());
    ctx.book.update(node.id, { phase: 'Running', startedAt: new Date().toISOString() });
    const scratch = join(ctx.scratchRoot, pod);
    const fsRoot = join(scratch, 'fs'); // mirrors the container's filesystem for declared paths
    await rm(scratch, { recursive: true, force: true });
    await mkdir(fsRoot, { recursive: true });
    const podScope = scope
      .child()
      .set('pod.name', pod)
      .set('node.name', place.nodeName)
      .set('retries', String(attempt));
    const paths: string[] = [];
    let spec: Awaited<ReturnType<typeof podSpec>>;
    try {
      for (const a of template.inputs?.artifacts ?? []) {
        const ref = scope.getArtifact(`inputs.artifacts.${a.name}`);
        if (!a.path) throw new Error(`inputs.artifacts.${a.name} needs a path`);
        podScope.set(`inputs.artifacts.${a.name}.path`, a.path);
        paths.push(a.path);
        if (ref) {
          await stageInput(ctx, ref, join(fsRoot, a.path));
          if (a.mode !== undefined) await chmod(join(fsRoot, a.path), a.mode);
        }
      }
      for (const p of template.outputs?.parameters ?? []) {
        if (p.valueFrom?.path) {
          podScope.set(`outputs.parameters.${p.name}.path`, p.valueFrom.path);
          paths.push(p.valueFrom.path);
        }
      }
      for (const a of template.outputs?.artifacts ?? []) {
        if (a.path) {
          podScope.set(`outputs.artifacts.${a.name}.path`, a.path);
          paths.push(a.path);
        }
      }
      spec = await podSpec(ctx, template, podScope, pod, scratch, paths);
    } catch (err) {
      return finish('Error', describeError(err));
    }

    const result = await ctx.runtime.run(spec);
    for (const w of result.warnings) ctx.warn(w);
    ctx.logFiles.set(pod, spec.logFile);
    await ctx.store.putFile(`${ctx.name}/${pod}/main.log`, spec.logFile).catch(() => {});
    return finishPod(ctx, template, podScope, scratch, result, finish);
  });
}

/** The runtime's view of a pod: argv, env, limits and deadline, all substituted. */
async function podSpec(
  ctx: RunContext,
  template: Template,
  scope: Scope,
  pod: string,
  scratch: string,
  paths: string[],
) {
  const container = (template.script ?? template.container) as NonNullable<Template['container']>;
  const sub = (text: string) => substitute(text, scope.lookup);
  let argv = [...(container.command ?? []), ...(container.args ?? [])].map(sub);
  if (template.script) {
    const file = join(scratch, 'fs', SCRIPT_PATH);
    await mkdir(posix.dirname(file), { recursive: true });
    await writeFile(file, sub(template.script.source), { mode: 0o755 });
    paths.push(SCRIPT_PATH);
    argv = [...(container.command ?? []).map(sub), SCRIPT_PATH, ...(container.args ?? []).map(sub)];
  }
  const limits = container.resources?.limits;
  const memoryBytes = limits?.memory !== undefined ? parseMemory(limits.memory) : undefined;
  const cpu = limits?.cpu !== undefined ? parseCpu(limits.cpu) : undefined;
  if (limits?.memory !== undefined && memoryBytes === undefined)
    throw new Error(`resources.limits.memory '${limits.memory}' is not a quantity like 512Mi`);
  if (limits?.cpu !== undefined && cpu === undefined)
    throw new Error(`resources.limits.cpu '${limits.cpu}' is not a quantity like 500m or 2`);
  return {
    podName: pod,
    image: sub(container.image),
    argv,
    hasCommand: container.command !== undefined,
    env: Object.fromEntries((container.env ?? []).map((e) => [e.name, sub(e.value ?? '')])),
    ...(container.workingDir ? { workingDir: sub(container.workingDir) } : {}),
    limits: { ...(cpu !== undefined ? { cpu } : {}), ...(memoryBytes !== undefined ? { memoryBytes } : {}) },
    scratch: join(scratch, 'fs'),
    paths,
    ...(template.script ? { scriptPath: SCRIPT_PATH } : {}),
    hostDir: ctx.workflow.dir,
    timeoutSeconds: podDeadline(ctx, template, scope),
    logFile: join(scratch, 'main.log'),
    signal: ctx.signal,
  };
}

/** The tightest of the template's activeDeadlineSeconds and timeout, and the workflow's deadline. */
function podDeadline(ctx: RunContext, template: Template, scope: Scope): number | undefined {
  const candidates: number[] = [];
  if (template.activeDeadlineSeconds !== undefined) {
    candidates.push(
      parseDuration(
        substitute(String(template.activeDeadlineSeconds), scope.lookup),
        'activeDeadlineSeconds',
      ),
    );
  }
  if (template.timeout !== undefined)
    candidates.push(parseDuration(substitute(template.timeout, scope.lookup), 'timeout'));
  if (ctx.deadline !== undefined) candidates.push(Math.max(0, (ctx.deadline - Date.now()) / 1000));
  return candidates.length ? Math.min(...candidates) : undefined;
}

async function stageInput(ctx: RunContext, ref: ArtifactRef, dest: string): Promise<void> {
  await mkdir(posix.dirname(dest), { recursive: true });
  if ('prefix' in ref) {
    // Fan-in: every object under the prefix, laid out as a folder.
    const prefix = ref.prefix.replace(/\/+$/, '');
    const keys = await ctx.store.list(prefix);
    await mkdir(dest, { recursive: true });
    for (const key of keys) await ctx.store.getToFile(key, join(dest, key.slice(prefix.length + 1)));
    return;
  }
  if (!ref.archived) return ctx.store.getToFile(ref.key, dest);
  const tgz = `${dest}.download.tgz`;
  await ctx.store.getToFile(ref.key, tgz);
  await unpackTgz(tgz, dest);
  await rm(tgz, { force: true });
}

async function finishPod(
  ctx: RunContext,
  template: Template,
  scope: Scope,
  scratch: string,
  result: PodResult,
  finish: (phase: NodePhase, message: string | undefined, outputs?: NodeOutputs) => Outcome,
): Promise<Outcome> {
  const exitCode = result.exitCode === null ? undefined : String(result.exitCode);
  const base: NodeOutputs = { ...emptyOutputs(), ...(exitCode !== undefined ? { exitCode } : {}) };
  if (result.startError) return finish('Error', result.startError, base);
  if (ctx.signal.aborted) return finish('Failed', ctx.stopReason(), base);
  if (result.timedOut) return finish('Failed', DEADLINE_MESSAGE, base);
  // Argo's message for a container the kernel killed at its memory limit.
  if (result.oomKilled) return finish('Failed', 'OOMKilled (exit code 137)', { ...base, exitCode: '137' });
  if (result.exitCode !== 0) return finish('Failed', `Error (exit code ${result.exitCode})`, base);
  try {
    const outputs = await collectOutputs(ctx, template, scope, join(scratch, 'fs'), result.stdout);
    return finish('Succeeded', undefined, { ...outputs, ...(exitCode !== undefined ? { exitCode } : {}) });
  } catch (err) {
    return finish('Error', describeError(err), base);
  }
}

/** Output parameters from their files, the result from stdout, artifacts into the store. */
async function collectOutputs(
  ctx: RunContext,
  template: Template,
  scope: Scope,
  fs: string,
  stdout: string,
): Promise<NodeOutputs> {
  const outputs: NodeOutputs = { ...emptyOutputs(), result: stdout.replace(/\n$/, '') };
  for (const p of template.outputs?.parameters ?? []) {
    if (p.valueFrom?.path) {
      const text = await readFile(join(fs, p.valueFrom.path), 'utf8').catch(() => undefined);
      const value = text?.replace(/\n$/, '') ?? p.valueFrom.default;
      if (value === undefined)
        throw new Error(`outputs.parameters.${p.name}: no file at ${p.valueFrom.path}`);
      outputs.parameters[p.name] = value;
    } else if (p.value !== undefined) outputs.parameters[p.name] = substitute(p.value, scope.lookup);
    if (p.globalName && outputs.parameters[p.name] !== undefined)
      ctx.globals.set(p.globalName, outputs.parameters[p.name] as string);
  }
  const pod = scope.get('pod.name') as string;
  for (const a of template.outputs?.artifacts ?? []) {
    if (!a.path) continue;
    const local = join(fs, a.path);
    const info = await stat(local).catch(() => undefined);
    if (!info) {
      if (a.optional) continue;
      throw new Error(`outputs.artifacts.${a.name}: nothing at ${a.path}`);
    }
    const raw = a.archive?.none !== undefined;
    const key = a.s3
      ? substitute(a.s3.key, scope.lookup).replace(/^\/+/, '')
      : `${ctx.name}/${pod}/${a.name}${raw ? '' : '.tgz'}`;
    if (raw && info.isDirectory()) {
      for (const file of await filesUnder(local))
        await ctx.store.putFile(`${key}/${file}`, join(local, file));
      outputs.artifacts[a.name] = { prefix: key };
    } else if (raw) {
      await ctx.store.putFile(key, local);
      outputs.artifacts[a.name] = { key, archived: false };
    } else {
      const tgz = `${local}.repro.tgz`;
      await packTgz(local, tgz, a.archive?.tar?.compressionLevel);
      await ctx.store.putFile(key, tgz);
      await rm(tgz, { force: true });
      outputs.artifacts[a.name] = { key, archived: true };
    }
  }
  return outputs;
}

/** Artifacts as a node's status lists them, with the key they were stored under. */
function statusArtifacts(outputs: NodeOutputs) {
  const artifacts = Object.entries(outputs.artifacts).map(([name, ref]) =>
    'prefix' in ref
      ? { name, s3: { key: ref.prefix }, archive: { none: {} } }
      : { name, s3: { key: ref.key }, ...(ref.archived ? {} : { archive: { none: {} } }) },
  );
  return artifacts.length ? { artifacts } : {};
}
