/** One pod to run: a container (or a script through its interpreter) with its limits and folders. */
export interface PodSpec {
  podName: string;
  image: string;
  /** The full argv inside the container (command and args, after substitution). */
  argv: string[];
  /** Whether argv[0] is an explicit command; if not, the image's entrypoint receives argv as args. */
  hasCommand: boolean;
  env: Record<string, string>;
  workingDir?: string;
  limits: { cpu?: number; memoryBytes?: number };
  /**
   * A host folder that mirrors the container's filesystem for `paths`: the container path /tmp/out
   * is the host path <scratch>/tmp/out.
   */
  scratch: string;
  /** Container paths of declared artifacts, parameter files and the script file. */
  paths: string[];
  /** The container path of a script template's source file, if any. */
  scriptPath?: string;
  /** The host folder commands run in when the template names no workingDir (host runtime only). */
  hostDir: string;
  timeoutSeconds?: number;
  /** Where stdout and stderr go, interleaved as written. */
  logFile: string;
  signal: AbortSignal;
}

export interface PodResult {
  exitCode: number | null;
  /** stdout alone, for outputs.result. */
  stdout: string;
  /** The deadline passed and the pod was killed. */
  timedOut: boolean;
  /** Its memory use passed the limit and the pod was killed (host runtime). */
  oomKilled?: boolean;
  /** The pod could not be started at all (an Argo "Error", not a "Failure"). */
  startError?: string;
  /** Said once per run, e.g. that a limit cannot be enforced on this OS. */
  warnings: string[];
}

export interface Runtime {
  readonly name: 'host' | 'docker' | 'podman';
  run(spec: PodSpec): Promise<PodResult>;
}

/** Memory quantities as Kubernetes writes them: 512Mi, 1Gi, 1G, 500M, 1e9. */
export function parseMemory(quantity: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?(?:e\d+)?)(Ki|Mi|Gi|Ti|K|k|M|G|T)?$/.exec(quantity.trim());
  if (!match) return undefined;
  const factor: Record<string, number> = {
    Ki: 1024,
    Mi: 1024 ** 2,
    Gi: 1024 ** 3,
    Ti: 1024 ** 4,
    K: 1e3,
    k: 1e3,
    M: 1e6,
    G: 1e9,
    T: 1e12,
  };
  return Math.round(Number(match[1]) * (match[2] ? (factor[match[2]] as number) : 1));
}

/** CPU quantities: "2", "0.5", "500m". */
export function parseCpu(quantity: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)(m)?$/.exec(quantity.trim());
  if (!match) return undefined;
  return Number(match[1]) / (match[2] ? 1000 : 1);
}
