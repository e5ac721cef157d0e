import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The image every docker test runs: built here FROM scratch with Debian's static busybox. */
export const TEST_IMAGE = 'repro-test/busybox:1';
const BUSYBOX = ['/bin/busybox', '/usr/bin/busybox'].find((p) => existsSync(p));

export interface DockerDaemon {
  host: string;
  stop(): Promise<void>;
}

/**
 * Starts a private dockerd on a unix socket (flags from ../shared/ENVIRONMENT.md: vfs storage,
 * no iptables, no bridge), waits until it answers, and builds the test image.
 */
export async function startDocker(): Promise<DockerDaemon> {
  const root = mkdtempSync(join(tmpdir(), 'repro-dockerd-'));
  const socket = join(root, 'docker.sock');
  const host = `unix://${socket}`;
  const log = join(root, 'dockerd.log');
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
    { stdio: ['ignore', 'ignore', 'ignore'], detached: false },
  );
  const env = { ...process.env, DOCKER_HOST: host, DOCKER_BUILDKIT: '0' };
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      execFileSync('docker', ['version', '--format', '{{.Server.Version}}'], { env, stdio: 'ignore' });
      break;
    } catch {
      if (Date.now() > deadline || daemon.exitCode !== null)
        throw new Error(`dockerd did not start; see ${log}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  if (!BUSYBOX)
    throw new Error(
      'busybox is not installed (Debian package busybox-static); run scripts/install-test-deps.sh',
    );
  const context = join(root, 'image');
  mkdirSync(context);
  copyFileSync(BUSYBOX, join(context, 'busybox'));
  writeFileSync(
    join(context, 'Dockerfile'),
    'FROM scratch\nCOPY busybox /bin/busybox\nRUN ["/bin/busybox", "--install", "-s", "/bin"]\n',
  );
  execFileSync('docker', ['build', '-q', '-t', TEST_IMAGE, context], { env, stdio: 'ignore' });
  return {
    host,
    async stop() {
      daemon.kill('SIGTERM');
      await new Promise((r) => (daemon.exitCode !== null ? r(undefined) : daemon.once('exit', r)));
      rmSync(root, { recursive: true, force: true });
    },
  };
}
