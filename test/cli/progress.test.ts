import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgressView } from '../../src/cli/progress.js';
import { manifest, runWorkflow } from '../engine/harness.js';

class Capture extends Writable {
  text = '';
  constructor(readonly isTTY: boolean) {
    super();
  }
  override _write(chunk: Buffer, _enc: string, done: () => void) {
    this.text += chunk.toString();
    done();
  }
}

const failing = manifest(`entrypoint: main
templates:
  - name: main
    steps:
      - - name: ok
          template: ok
        - name: bad
          template: bad
  - name: ok
    container:
      image: busybox
      command: [echo, fine]
  - name: bad
    container:
      image: busybox
      command: [sh, -c, "for i in $(seq 1 30); do echo line $i; done; exit 4"]`);

describe('progress', () => {
  it('off a terminal: one line per node transition, and the last 20 log lines of a failed pod', async () => {
    const r = await runWorkflow(failing);
    const out = new Capture(false);
    const view = createProgressView({ name: 'wf', namespace: 'local', parameters: {} }, out, (pod) =>
      r.engine.logs('wf', pod),
    );
    view.update({ ...r.status, phase: 'Running', nodes: {} });
    await view.finish(r.status);
    expect(out.text).toMatch(/✔ Succeeded wf\[0\]\.ok \d+s/);
    expect(out.text).toMatch(/✖ Failed {4}wf\[0\]\.bad \d+s: Error \(exit code 4\)/);
    expect(out.text).toContain('last 20 log lines:\n    line 11\n');
    expect(out.text).not.toContain('    line 10\n');
    expect(out.text).toContain('    line 30\n');
    expect(out.text.trimEnd().split('\n').at(-1)).toMatch(
      /^Workflow wf Failed: child 'wf\[0\]\.bad' failed, progress 1\/2$/,
    );
  });

  it('on a terminal: redraws the tree in place', async () => {
    const r = await runWorkflow(failing);
    const out = new Capture(true);
    const view = createProgressView({ name: 'wf', namespace: 'local', parameters: {} }, out, (pod) =>
      r.engine.logs('wf', pod),
    );
    await view.finish(r.status);
    await view.finish(r.status);
    expect(out.text).toContain('\x1b[0J');
    expect(out.text).toMatch(new RegExp(`${String.fromCharCode(27)}\\[\\d+A`)); // the second draw moves up over the first
    expect(out.text).toContain('STEP');
    expect(out.text).toMatch(/✖ bad\s+bad\s+wf-bad-\d+/);
  });
});
