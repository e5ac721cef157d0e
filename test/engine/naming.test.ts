import { describe, expect, it } from 'vitest';
import { fnv32a, generateName, nodeId, podName } from '../../src/engine/naming.js';

describe('Argo naming', () => {
  it.each([
    ['hello', 1335831723],
    ['world', 933488787],
    ['You cannot alter your fate. However, you can rise to meet it.', 827171719],
  ])('fnv32a(%j) = %i (vectors from the Argo UI tests)', (text, hash) => {
    expect(fnv32a(text)).toBe(hash);
  });

  it('node IDs are the workflow name for the root, else <wf>-<fnv32a(name)>', () => {
    expect(nodeId('wf-abc', 'wf-abc')).toBe('wf-abc');
    expect(nodeId('wf-abc', 'wf-abc[0].step(0:x)')).toBe(`wf-abc-${fnv32a('wf-abc[0].step(0:x)')}`);
  });

  it('pod names follow format v2 and are cut to fit 253 characters', () => {
    expect(podName('wf', 'wf[0].run', 'optimize')).toBe(`wf-optimize-${fnv32a('wf[0].run')}`);
    expect(podName('wf', 'wf', 'main')).toBe('wf');
    const long = podName('w'.repeat(200), 'node', 't'.repeat(100));
    expect(long.length).toBeLessThanOrEqual(253);
    expect(long.endsWith(`-${fnv32a('node')}`)).toBe(true);
  });

  it('generateName adds five lowercase alphanumerics', () => {
    expect(generateName('optimizers-')).toMatch(/^optimizers-[a-z0-9]{5}$/);
  });
});
