"""Pre-run: load a scikit-learn dataset and write a fixed train/test split for every seed to share."""
import argparse
import pickle

from sklearn import datasets
from sklearn.model_selection import train_test_split

LOADERS = {
    "iris": datasets.load_iris,
    "wine": datasets.load_wine,
    "breast_cancer": datasets.load_breast_cancer,
    "digits": datasets.load_digits,
}

parser = argparse.ArgumentParser()
parser.add_argument("--dataset", required=True, choices=sorted(LOADERS))
parser.add_argument("--train-size-ratio", type=float, required=True)
parser.add_argument("--out", required=True)
args = parser.parse_args()

X, y = LOADERS[args.dataset](return_X_y=True)
split = train_test_split(X, y, train_size=args.train_size_ratio, random_state=0, stratify=y)
with open(args.out, "wb") as f:
    pickle.dump(split, f)
print(f"{args.dataset}: {len(X)} rows, train size {args.train_size_ratio}")
