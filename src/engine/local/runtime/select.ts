import { inputError } from '../../../errors.js';
import { containerEngineReachable, createContainerRuntime } from './container.js';
import { createHostRuntime } from './host.js';
import type { Runtime } from './types.js';

export const RUNTIME_CHOICES = ['auto', 'host', 'docker', 'podman'] as const;
export type RuntimeChoice = (typeof RUNTIME_CHOICES)[number];

/** The runtime to use, and why: `auto` takes a reachable container engine, else the host. */
export async function selectRuntime(choice: RuntimeChoice): Promise<{ runtime: Runtime; reason: string }> {
  if (choice === 'host') return { runtime: createHostRuntime(), reason: 'as asked' };
  if (choice === 'docker' || choice === 'podman') {
    if (!(await containerEngineReachable(choice))) {
      throw inputError(
        `--runtime ${choice}: the ${choice} engine does not answer.`,
        `Start it (for docker, check DOCKER_HOST), or use --runtime host.`,
      );
    }
    return { runtime: createContainerRuntime(choice), reason: 'as asked' };
  }
  for (const engine of ['docker', 'podman'] as const) {
    if (await containerEngineReachable(engine))
      return { runtime: createContainerRuntime(engine), reason: `${engine} answers` };
  }
  return { runtime: createHostRuntime(), reason: 'no container engine answers' };
}
