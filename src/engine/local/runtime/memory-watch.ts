import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** Whether this OS exposes what the watch needs: per-process status and child lists in /proc. */
export const canWatchMemory = existsSync(`/proc/${process.pid}/task/${process.pid}/children`);

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return ''; // the process ended between two reads
  }
}

/** Resident memory in bytes of a process and all its descendants. */
export function treeRss(root: number): number {
  let total = 0;
  const queue = [root];
  const seen = new Set<number>();
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    if (seen.has(pid)) continue;
    seen.add(pid);
    const rss = /VmRSS:\s+(\d+) kB/.exec(read(`/proc/${pid}/status`));
    if (rss) total += Number(rss[1]) * 1024;
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {}
    for (const task of tasks) {
      for (const child of read(`/proc/${pid}/task/${task}/children`).split(' '))
        if (child.trim()) queue.push(Number(child));
    }
  }
  return total;
}

/**
 * Calls `onExceeded` once when the resident memory of a process tree passes `limitBytes`: the
 * local stand-in for a Kubernetes memory limit, which also counts memory in use, not address space
 * reserved (RLIMIT_DATA would kill Node 24 at start-up under 512Mi, although it uses ~40 MB).
 * Polled every `intervalMs`, so a very short spike above the limit can go unseen.
 */
export function watchMemory(
  pid: number,
  limitBytes: number,
  onExceeded: (rss: number) => void,
  intervalMs = 100,
): () => void {
  const timer = setInterval(() => {
    const rss = treeRss(pid);
    if (rss > limitBytes) {
      clearInterval(timer);
      onExceeded(rss);
    }
  }, intervalMs);
  return () => clearInterval(timer);
}
