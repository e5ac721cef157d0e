"""Merge every run's CSV under a folder (the fan-in input artifact) into one CSV."""
import pathlib
import sys

import pandas as pd

source, target = sys.argv[1], sys.argv[2]
files = sorted(pathlib.Path(source).rglob("*.csv"))
pd.concat([pd.read_csv(f) for f in files]).to_csv(target, index=False)
print(f"merged {len(files)} files")
