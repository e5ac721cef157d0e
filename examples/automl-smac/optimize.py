"""One run: tune an SVM with SMAC or random search for one seed; write tidy CSV rows
(algorithm,dataset,seed,step,value) with the best validation error after each evaluation."""
import argparse
import csv
import pickle

import numpy as np
from ConfigSpace import ConfigurationSpace, Float
from sklearn.model_selection import cross_val_score
from sklearn.svm import SVC
from smac import HyperparameterOptimizationFacade, RandomFacade, Scenario

parser = argparse.ArgumentParser()
parser.add_argument("--algorithm", required=True, choices=["smac", "random-search"])
parser.add_argument("--dataset", required=True)
parser.add_argument("--split", required=True)
parser.add_argument("--seed", type=int, required=True)
parser.add_argument("--evaluations", type=int, required=True)
parser.add_argument("--cutoff-time", type=float, required=True)
parser.add_argument("--out", required=True)
args = parser.parse_args()

with open(args.split, "rb") as f:
    X_train, X_test, y_train, y_test = pickle.load(f)

space = ConfigurationSpace(seed=args.seed)
space.add([Float("C", (1e-3, 1e3), log=True), Float("gamma", (1e-4, 1e1), log=True)])


def error(config, seed: int = 0) -> float:
    model = SVC(C=config["C"], gamma=config["gamma"], random_state=seed)
    return 1 - float(np.mean(cross_val_score(model, X_train, y_train, cv=3)))


scenario = Scenario(space, deterministic=True, n_trials=args.evaluations, trial_walltime_limit=args.cutoff_time, seed=args.seed)
facade = HyperparameterOptimizationFacade if args.algorithm == "smac" else RandomFacade
smac = facade(scenario, error, overwrite=True, logging_level=40)
smac.optimize()

rows, best = [], float("inf")
for step, (key, value) in enumerate(smac.runhistory.items(), start=1):
    best = min(best, value.cost)
    rows.append({"algorithm": args.algorithm, "dataset": args.dataset, "seed": args.seed, "step": step, "value": best})
with open(args.out, "w", newline="") as f:
    writer = csv.DictWriter(f, fieldnames=["algorithm", "dataset", "seed", "step", "value"])
    writer.writeheader()
    writer.writerows(rows)
print(f"{args.algorithm} seed {args.seed}: best validation error {best:.4f}")
