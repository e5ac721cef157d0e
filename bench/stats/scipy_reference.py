"""Times the same inputs through scipy, for bench/stats/run.ts. Prints JSON: seconds per call, median of runs."""
import json
import statistics
import sys
import time

import numpy as np
from scipy import stats

inputs = json.load(open(sys.argv[1]))
runs = int(sys.argv[2])


def per_call(fn, items):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        for item in items:
            fn(item)
        times.append((time.perf_counter() - start) / len(items))
    return statistics.median(times)


pairs = [(np.array(x), np.array(y)) for x, y in inputs["mwu"]]
tables = [np.array(t) for t in inputs["friedman"]]
tied = (np.array(inputs["tied"][0]), np.array(inputs["tied"][1]))
out = {
    "scipy": __import__("scipy").__version__,
    "mwu_exact": per_call(lambda p: stats.mannwhitneyu(p[0], p[1], method="exact"), pairs),
    "mwu_asymptotic": per_call(lambda p: stats.mannwhitneyu(p[0], p[1], method="asymptotic"), pairs),
    "friedman": per_call(lambda t: stats.friedmanchisquare(*t.T), tables),
    "p_values": {
        "mwu_exact_first": float(stats.mannwhitneyu(*pairs[0], method="exact").pvalue),
        "friedman_first": float(stats.friedmanchisquare(*tables[0].T).pvalue),
    },
}
print(json.dumps(out))
