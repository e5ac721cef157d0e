import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildTestImage, type DockerDaemon, existingDocker, startDocker } from './docker.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** DOCKER_HOST of the private engine, or why there is none. */
    docker: { host: string } | { unavailable: string };
  }
}

function hasDockerd(): boolean {
  try {
    execFileSync('sh', ['-c', 'command -v dockerd'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts the servers the tests need, and stops them afterwards. Every temporary folder a test (or
 * the code under test) makes goes under one root, through TMPDIR, which test workers inherit; the
 * root is removed at the end, so a run leaves nothing behind.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = mkdtempSync(join(tmpdir(), 'repro-tests-'));
  process.env.TMPDIR = root;
  let docker: DockerDaemon | undefined;
  const existing = existingDocker();
  if (existing) {
    // An engine already answers (a GitHub runner's, say): use it rather than start a second one.
    buildTestImage(existing);
    project.provide('docker', { host: existing });
  } else if (hasDockerd()) {
    docker = await startDocker();
    project.provide('docker', { host: docker.host });
  } else {
    // CI installs it (scripts/install-test-deps.sh), so there its absence is a failure, not a skip.
    if (process.env.CI)
      throw new Error('dockerd is not installed; .ci/run must run scripts/install-test-deps.sh first');
    project.provide('docker', { unavailable: 'dockerd is not installed (run scripts/install-test-deps.sh)' });
  }
  return async () => {
    await docker?.stop();
    rmSync(root, { recursive: true, force: true });
  };
}
