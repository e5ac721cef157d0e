import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import { promisify } from 'node:util';
import { spawnLogged } from './host.js';
import type { PodResult, PodSpec, Runtime } from './types.js';

const exec = promisify(execFile);

/**
 * The folders to bind-mount so that every declared path exists in the container: the parent folder
 * of each path, minus folders already inside another mounted one.
 */
export function mountFolders(paths: readonly string[]): string[] {
  const parents = [...new Set(paths.map((p) => posix.dirname(p)))].sort();
  return parents.filter(
    (dir) => !parents.some((other) => other !== dir && (other === '/' || dir.startsWith(`${other}/`))),
  );
}

/** The `docker run` / `podman run` argument list for a pod. */
export function containerRunArgs(engine: 'docker' | 'podman', spec: PodSpec): string[] {
  const args = ['run', '--rm', '--name', spec.podName, '--pull=never'];
  if (spec.limits.cpu !== undefined) args.push('--cpus', String(spec.limits.cpu));
  if (spec.limits.memoryBytes !== undefined) args.push('--memory', String(spec.limits.memoryBytes));
  for (const dir of mountFolders(spec.paths)) args.push('-v', `${join(spec.scratch, dir)}:${dir}`);
  for (const [name, value] of Object.entries(spec.env)) args.push('-e', `${name}=${value}`);
  if (spec.workingDir) args.push('-w', spec.workingDir);
  if (spec.hasCommand && spec.argv.length > 0) {
    args.push('--entrypoint', spec.argv[0] as string, spec.image, ...spec.argv.slice(1));
  } else args.push(spec.image, ...spec.argv);
  if (engine === 'podman') args.splice(1, 0, '--cgroups=enabled');
  return args;
}

/**
 * Runs each pod as a container with the template's CPU and memory limits and its artifact folders
 * bind-mounted from the pod's scratch folder. Works with the docker and podman CLIs alike.
 */
export function createContainerRuntime(engine: 'docker' | 'podman'): Runtime {
  return {
    name: engine,
    async run(spec: PodSpec): Promise<PodResult> {
      for (const dir of mountFolders(spec.paths)) await mkdir(join(spec.scratch, dir), { recursive: true });
      for (const path of spec.paths) await mkdir(dirname(join(spec.scratch, path)), { recursive: true });
      // Killing the client does not stop the container; remove it by name as well.
      const removeContainer = () => {
        execFile(engine, ['rm', '-f', spec.podName], () => {});
      };
      const result = await spawnLogged(
        [engine, ...containerRunArgs(engine, spec)],
        {},
        spec,
        [],
        removeContainer,
      );
      if (result.exitCode === 125 && !result.timedOut) {
        return {
          ...result,
          startError: `${engine} could not start the container (exit 125); see the pod log`,
        };
      }
      return result;
    },
  };
}

/** Whether a container engine answers, within a few seconds. */
export async function containerEngineReachable(engine: 'docker' | 'podman'): Promise<boolean> {
  try {
    await exec(engine, ['version', '--format', '{{.Server.Version}}'], { timeout: 5000 });
    return true;
  } catch {
    return false;
  }
}
