// Four classic 10-D test functions (minimisation; optimum 0), on the box [-5, 5]^d.
export const problems = {
  sphere: (x) => x.reduce((s, v) => s + v * v, 0),
  rosenbrock: (x) => {
    let s = 0;
    for (let i = 0; i < x.length - 1; i++) s += 100 * (x[i + 1] - x[i] ** 2) ** 2 + (1 - x[i]) ** 2;
    return s;
  },
  rastrigin: (x) => 10 * x.length + x.reduce((s, v) => s + v * v - 10 * Math.cos(2 * Math.PI * v), 0),
  ackley: (x) => {
    const n = x.length;
    const a = x.reduce((s, v) => s + v * v, 0) / n;
    const b = x.reduce((s, v) => s + Math.cos(2 * Math.PI * v), 0) / n;
    return -20 * Math.exp(-0.2 * Math.sqrt(a)) - Math.exp(b) + 20 + Math.E;
  },
};

export const LOWER = -5;
export const UPPER = 5;
