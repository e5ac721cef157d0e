import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The image every docker test runs: built here FROM scratch with Debian's static busybox. */
export const TEST_IMAGE = 'repro-test/busybox:1';
const BUSYBOX = ['/bin/busybox', '/usr/bin/busybox'].find((p) => existsSync(p));

export interface DockerDaemon {
  host: string;
  stop(): Promise<void>;
}

function answers(host: string): boolean {
  try {
    execFileSync('docker', ['version', '--format', '{{.Server.Version}}'], {
      env: { ...process.env, DOCKER_HOST: host },
      stdio: 'ignore',
      timeout: 5000,
    });
    return true;
  } catch {
    return false;
  }
}

/** The DOCKER_HOST of an engine that already answers (DOCKER_HOST or the default socket), if any. */
export function existingDocker(): string | undefined {
  const host = process.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock';
  return answers(host) ? host : undefined;
}

/** Builds the test image FROM scratch with the static busybox, so no registry is needed. */
export function buildTestImage(host: string): void {
  if (!BUSYBOX) {
    throw new Error(
      'busybox is not installed (Debian package busybox-static); run scripts/install-test-deps.sh',
    );
  }
  const context = mkdtempSync(join(tmpdir(), 'repro-test-image-'));
  try {
    copyFileSync(BUSYBOX, join(context, 'busybox'));
    writeFileSync(
      join(context, 'Dockerfile'),
      'FROM scratch\nCOPY busybox /bin/busybox\nRUN ["/bin/busybox", "--install", "-s", "/bin"]\n',
    );
    // The legacy builder: BuildKit needs buildx, which Debian 12 lacks.
    execFileSync('docker', ['build', '-q', '-t', TEST_IMAGE, context], {
      env: { ...process.env, DOCKER_HOST: host, DOCKER_BUILDKIT: '0' },
      stdio: 'ignore',
    });
  } finally {
    rmSync(context, { recursive: true, force: true });
  }
}

/**
 * Starts a private dockerd on a unix socket (flags from ../shared/ENVIRONMENT.md: vfs storage,
 * no iptables, no bridge), waits until it answers, and builds the test image.
 */
export async function startDocker(): Promise<DockerDaemon> {
  const root = mkdtempSync(join(tmpdir(), 'repro-dockerd-'));
  const host = `unix://${join(root, 'docker.sock')}`;
  const daemon: ChildProcess = spawn(
    'dockerd',
    [
      '--storage-driver=vfs',
      '--iptables=false',
      '--ip6tables=false',
      '--bridge=none',
      '--data-root',
      join(root, 'data'),
      '--exec-root',
      join(root, 'exec'),
      '--host',
      host,
      '--pidfile',
      join(root, 'docker.pid'),
    ],
    { stdio: 'ignore' },
  );
  const deadline = Date.now() + 30_000;
  while (!answers(host)) {
    if (Date.now() > deadline || daemon.exitCode !== null)
      throw new Error('dockerd did not start within 30 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  buildTestImage(host);
  return {
    host,
    async stop() {
      daemon.kill('SIGTERM');
      await new Promise((r) => (daemon.exitCode !== null ? r(undefined) : daemon.once('exit', r)));
      rmSync(root, { recursive: true, force: true });
    },
  };
}
