import { execFile } from 'node:child_process';
import { arch, cpus, platform, release, totalmem } from 'node:os';
import { promisify } from 'node:util';
import { podName } from '../engine/naming.js';
import type { WorkflowStatus } from '../engine/status.js';
import { VERSION } from '../version.js';

export interface Provenance {
  workflow: string | null;
  parameters: Record<string, string>;
  engine: string | null;
  runtime: string | null;
  gitCommit: string | null;
  host: { os: string; arch: string; cpuModel: string; cores: number; memoryBytes: number };
  reproVersion: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Start and end of every pod, in start order. */
  runs: { name: string; pod: string; phase: string; startedAt: string | null; finishedAt: string | null }[];
}

export interface RunRecord {
  workflow: string;
  parameters: Record<string, string>;
  engine: string;
  runtime: string;
  status: WorkflowStatus;
}

const exec = promisify(execFile);

/** The commit of the git checkout at `dir`, if it is one. */
export async function gitCommit(dir: string): Promise<string | null> {
  try {
    const { stdout } = await exec('git', ['rev-parse', 'HEAD'], { cwd: dir, timeout: 5000 });
    return stdout.trim() || null;
  } catch {
    return null;
  }
}

export function hostInfo(): Provenance['host'] {
  const cpu = cpus();
  return {
    os: `${platform()} ${release()}`,
    arch: arch(),
    cpuModel: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryBytes: totalmem(),
  };
}

/** Provenance from what is known: a run record when the report follows a run, else only the host. */
export function buildProvenance(
  run: RunRecord | undefined,
  host: Provenance['host'],
  commit: string | null,
): Provenance {
  const pods = run ? Object.values(run.status.nodes).filter((n) => n.type === 'Pod') : [];
  pods.sort((a, b) => (a.startedAt ?? '').localeCompare(b.startedAt ?? '') || a.name.localeCompare(b.name));
  return {
    workflow: run?.workflow ?? null,
    parameters: run?.parameters ?? {},
    engine: run?.engine ?? null,
    runtime: run?.runtime ?? null,
    gitCommit: commit,
    host,
    reproVersion: VERSION,
    startedAt: run?.status.startedAt ?? null,
    finishedAt: run?.status.finishedAt ?? null,
    runs: pods.map((n) => ({
      name: n.name,
      pod: podName(run?.workflow ?? '', n.name, n.templateName ?? ''),
      phase: n.phase,
      startedAt: n.startedAt ?? null,
      finishedAt: n.finishedAt ?? null,
    })),
  };
}
