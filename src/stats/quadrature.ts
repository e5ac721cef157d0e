/** Gauss-Legendre nodes and weights on [−1, 1], found by Newton's method on P_n (Golub-Welsch free). */
function gaussLegendre(n: number): { nodes: Float64Array; weights: Float64Array } {
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let derivative = 0;
    for (let iter = 0; iter < 100; iter++) {
      let p0 = 1;
      let p1 = x;
      for (let j = 2; j <= n; j++) [p0, p1] = [p1, ((2 * j - 1) * x * p1 - (j - 1) * p0) / j];
      derivative = (n * (x * p1 - p0)) / (x * x - 1);
      const step = p1 / derivative;
      x -= step;
      if (Math.abs(step) < 1e-16) break;
    }
    nodes[i] = x;
    weights[i] = 2 / ((1 - x * x) * derivative * derivative);
  }
  return { nodes, weights };
}

const RULE = gaussLegendre(16);

/** ∫ f over [a, b] by the 16-point Gauss-Legendre rule on panels of at most `panelWidth`. */
export function integrate(f: (x: number) => number, a: number, b: number, panelWidth = 0.5): number {
  const panels = Math.max(1, Math.ceil((b - a) / panelWidth));
  const h = (b - a) / panels;
  let total = 0;
  for (let p = 0; p < panels; p++) {
    const mid = a + (p + 0.5) * h;
    let sum = 0;
    for (let i = 0; i < RULE.nodes.length; i++) {
      sum += (RULE.weights[i] as number) * f(mid + 0.5 * h * (RULE.nodes[i] as number));
    }
    total += 0.5 * h * sum;
  }
  return total;
}

/**
 * Root of a decreasing function on [lo, hi] by the Illinois variant of regula falsi, which keeps
 * the bracket of bisection and converges superlinearly.
 */
export function solveDecreasing(f: (x: number) => number, lo: number, hi: number, relTol = 1e-13): number {
  let a = lo;
  let b = hi;
  let fa = f(a);
  let fb = f(b);
  let side = 0;
  for (let iter = 0; iter < 200; iter++) {
    const c = (a * fb - b * fa) / (fb - fa);
    const fc = f(c);
    if (fc === 0 || Math.abs(b - a) <= relTol * Math.abs(c)) return c;
    if (fc > 0 === fa > 0) {
      a = c;
      fa = fc;
      if (side === -1) fb /= 2;
      side = -1;
    } else {
      b = c;
      fb = fc;
      if (side === 1) fa /= 2;
      side = 1;
    }
  }
  return (a + b) / 2;
}
