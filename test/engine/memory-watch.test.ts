import { spawn } from 'node:child_process';
import { expect, it } from 'vitest';
import { canWatchMemory, treeRss } from '../../src/engine/local/runtime/memory-watch.js';

it.skipIf(!canWatchMemory)('counts the resident memory of grandchildren too', async () => {
  // sh -> sh -> python holding 120 MB: the watch must see memory below the direct child.
  const child = spawn(
    'sh',
    [
      '-c',
      `sh -c "python3 -c 'import time; b = b\\"x\\" * (120 * 2 ** 20); print(1, flush=True); time.sleep(3)'"`,
    ],
    {
      stdio: ['ignore', 'pipe', 'ignore'],
      detached: true,
    },
  );
  await new Promise((resolve) => child.stdout.once('data', resolve));
  const rss = treeRss(child.pid as number);
  process.kill(-(child.pid as number), 'SIGKILL'); // the whole group, grandchildren included
  expect(rss).toBeGreaterThan(120 * 2 ** 20);
  expect(rss).toBeLessThan(400 * 2 ** 20);
});
