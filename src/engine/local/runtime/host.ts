import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { canWatchMemory, watchMemory } from './memory-watch.js';
import type { PodResult, PodSpec, Runtime } from './types.js';

/** Rewrites every declared container path inside a string to its place in the scratch folder. */
export function mapPaths(text: string, paths: readonly string[], scratch: string): string {
  // Longest first, so /tmp/out/a is not cut short by /tmp/out.
  const sorted = [...paths].sort((a, b) => b.length - a.length);
  let out = text;
  for (const path of sorted) out = out.split(path).join(join(scratch, path));
  return out;
}

/**
 * Runs each pod as a child process in its own process group. Declared paths are mapped into the
 * pod's scratch folder, so parallel runs never see each other's files. A memory limit is enforced
 * by watching the pod's resident memory (Linux /proc); CPU limits are recorded but not enforced.
 */
export function createHostRuntime(): Runtime {
  return {
    name: 'host',
    async run(spec: PodSpec): Promise<PodResult> {
      const warnings: string[] = [];
      for (const path of spec.paths) await mkdir(dirname(join(spec.scratch, path)), { recursive: true });
      if (spec.scriptPath) {
        const file = join(spec.scratch, spec.scriptPath);
        await writeFile(file, mapPaths(await readFile(file, 'utf8'), spec.paths, spec.scratch));
      }
      const argv = spec.argv.map((a) => mapPaths(a, spec.paths, spec.scratch));
      const env = Object.fromEntries(
        Object.entries(spec.env).map(([k, v]) => [k, mapPaths(v, spec.paths, spec.scratch)]),
      );
      const cwd = spec.workingDir ? mapPaths(spec.workingDir, spec.paths, spec.scratch) : spec.hostDir;
      if (spec.workingDir && !existsSync(cwd)) {
        return {
          exitCode: null,
          stdout: '',
          timedOut: false,
          startError: `workingDir ${spec.workingDir} does not exist on this host`,
          warnings,
        };
      }
      const memoryLimit = spec.limits.memoryBytes;
      if (memoryLimit !== undefined && !canWatchMemory) {
        warnings.push(
          'memory limits are recorded but not enforced: this OS has no /proc to watch memory use',
        );
      }
      if (spec.limits.cpu !== undefined)
        warnings.push(
          'CPU limits are recorded but not enforced by the host runtime; use --runtime docker to enforce them',
        );
      if (argv.length === 0) {
        return {
          exitCode: null,
          stdout: '',
          timedOut: false,
          startError: 'the host runtime needs a command (the image entrypoint is not available on the host)',
          warnings,
        };
      }
      const watch = memoryLimit !== undefined && canWatchMemory ? { memoryLimit } : {};
      return spawnLogged(argv, { cwd, env: { ...process.env, ...env }, ...watch }, spec, warnings);
    },
  };
}

/** Spawns argv in its own process group, tees output to the log, and kills the group on deadline or abort. */
export async function spawnLogged(
  argv: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; memoryLimit?: number },
  spec: Pick<PodSpec, 'logFile' | 'timeoutSeconds' | 'signal'>,
  warnings: string[],
  onKill?: () => void,
): Promise<PodResult> {
  await mkdir(dirname(spec.logFile), { recursive: true });
  const log = createWriteStream(spec.logFile);
  const stdout: Buffer[] = [];
  return new Promise<PodResult>((resolve) => {
    let timedOut = false;
    let settled = false;
    let oomKilled = false;
    const child = spawn(argv[0] as string, argv.slice(1), {
      cwd: options.cwd,
      env: options.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const killGroup = () => {
      onKill?.();
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {}
      }
    };
    const timer =
      spec.timeoutSeconds !== undefined
        ? setTimeout(() => {
            timedOut = true;
            killGroup();
          }, spec.timeoutSeconds * 1000)
        : undefined;
    const stopWatch =
      options.memoryLimit !== undefined && child.pid !== undefined
        ? watchMemory(child.pid, options.memoryLimit, () => {
            oomKilled = true;
            killGroup();
          })
        : undefined;
    const onAbort = () => killGroup();
    spec.signal.addEventListener('abort', onAbort, { once: true });
    const finish = (result: Omit<PodResult, 'warnings' | 'stdout' | 'timedOut'>) => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      stopWatch?.();
      spec.signal.removeEventListener('abort', onAbort);
      log.end(() =>
        resolve({
          ...result,
          stdout: Buffer.concat(stdout).toString('utf8'),
          timedOut,
          ...(oomKilled ? { oomKilled } : {}),
          warnings,
        }),
      );
    };
    child.stdout.on('data', (chunk: Buffer) => {
      stdout.push(chunk);
      log.write(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => log.write(chunk));
    child.on('error', (err) =>
      finish({ exitCode: null, startError: `cannot start '${argv[0]}': ${err.message}` }),
    );
    child.on('close', (code, signal) => {
      // A pod ends with its main process: anything it left running in its group goes too.
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {}
      }
      finish({ exitCode: code ?? (signal ? 128 + signalNumber(signal) : null) });
    });
    if (spec.signal.aborted) killGroup();
  });
}

function signalNumber(signal: NodeJS.Signals): number {
  return signal === 'SIGKILL' ? 9 : signal === 'SIGTERM' ? 15 : signal === 'SIGINT' ? 2 : 1;
}
