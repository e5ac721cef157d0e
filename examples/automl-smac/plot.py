"""Convergence plot: median best validation error per algorithm over evaluations."""
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

data = pd.read_csv(sys.argv[1])
fig, ax = plt.subplots(figsize=(6, 4))
for algorithm, runs in data.groupby("algorithm"):
    median = runs.groupby("step")["value"].median()
    ax.plot(median.index, median.values, label=algorithm)
ax.set_xlabel("evaluations")
ax.set_ylabel("best validation error (median over seeds)")
ax.legend()
fig.tight_layout()
fig.savefig(sys.argv[2])
