#!/usr/bin/env python3
"""How much can observational labels say about the direction of a task edge? (docs/results.md §4)

An oracle check outside GraphMtl: draw data from the synthetic task-DAG generator's distribution (gcnet.md §6.1, the
same settings as configs/synthetic-dag/; numpy's random stream, so not the same DAGs as the C# generator), fit every
task's label by logistic regression on x and the other tasks' labels (a dependency network, fitted to convergence),
and count the true edges p -> c whose coefficient |S[p, c]| exceeds the reverse |S[c, p]| (orientation; 0.5 = chance).

Three conditions:
  linear x, all labels   the regression has the generator's exact form (logit linear in x)
  linear x, 50% hidden   hidden labels filled with 2p - 1, p from a logistic model of the task on x alone
  x + MLP, all labels    the same regression also reads 64 hidden units of an MLP fitted to all labels on x,
                         the kind of features a neural encoder provides

Requires numpy and scikit-learn (Debian: apt-get install python3-sklearn).
Run: python3 bench/scripts/orientation_oracle.py [--seeds 5]
"""
import argparse
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.neural_network import MLPClassifier


def generate(seed, tasks=20, features=32, n=2000, expected_parents=1.5, max_parents=3, missing=0.5):
    """X [n, d], labels Y [n, T] in {0, 1}, observed mask M [n, T], true adjacency A [T, T] (A[p, c] = 1 for p -> c)."""
    X, Y, M, A, _ = generate_with_mechanisms(seed, tasks, features, n, expected_parents, max_parents, missing)
    return X, Y, M, A


def generate_with_mechanisms(seed, tasks=20, features=32, n=2000, expected_parents=1.5, max_parents=3, missing=0.5):
    """generate(), plus the mechanisms (W [d, T], beta [T, T], offsets b [T], topological order) for exact inference."""
    rng = np.random.default_rng(seed)
    order = rng.permutation(tasks)
    p_edge = 2 * expected_parents / (tasks - 1)
    A = np.zeros((tasks, tasks))
    for a in range(tasks):
        for b in range(a + 1, tasks):
            if rng.random() < p_edge:
                A[order[a], order[b]] = 1
    for c in range(tasks):  # in-degree cap
        parents = np.nonzero(A[:, c])[0]
        if len(parents) > max_parents:
            A[rng.choice(parents, len(parents) - max_parents, replace=False), c] = 0
    beta = A * rng.uniform(1.5, 3.0, A.shape) * rng.choice([-1, 1], A.shape)
    X = rng.standard_normal((n, features))
    W = rng.standard_normal((features, tasks)) * 1.5 / np.sqrt(features)
    Y = np.zeros((n, tasks))
    offsets = np.zeros(tasks)
    for c in order:  # topological order
        z = X @ W[:, c] + (2 * Y - 1) @ beta[:, c]
        prevalence, lo, hi = rng.uniform(0.1, 0.4), -20.0, 20.0
        for _ in range(60):  # offset b with mean sigmoid(z + b) = prevalence
            mid = (lo + hi) / 2
            lo, hi = (mid, hi) if (1 / (1 + np.exp(-(z + mid)))).mean() < prevalence else (lo, mid)
        offsets[c] = mid
        Y[:, c] = rng.random(n) < 1 / (1 + np.exp(-(z + mid)))
    M = rng.random((n, tasks)) >= missing
    return X, Y, M, A, (W, beta, offsets, order)


def dependency_network(features, signed, Y, observed):
    """S[i, j]: coefficient of task i's signed label in task j's logistic regression on [features, other labels]."""
    T = Y.shape[1]
    S = np.zeros((T, T))
    for j in range(T):
        others = [i for i in range(T) if i != j]
        rows = observed[:, j]
        model = LogisticRegression(C=10, max_iter=5000).fit(np.hstack([features, signed[:, others]])[rows], Y[rows, j])
        S[others, j] = model.coef_[0, features.shape[1]:]
    return S


def print_table(header, results, scale=1.0, digits=2):
    """A markdown table of mean ± std over DAG seeds per row of results (name -> values)."""
    print()
    print(f"| {header} (mean ± std over DAG seeds) |")
    print("|---|---|")
    for k, v in results.items():
        print(f"| {k} | {scale * np.mean(v):.{digits}f} ± {scale * np.std(v):.{digits}f} |")


def orientation(S, A):
    edges = np.argwhere(A > 0)
    return float(np.mean([abs(S[p, c]) > abs(S[c, p]) for p, c in edges]))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=5)
    args = parser.parse_args()
    warnings.filterwarnings("ignore", category=ConvergenceWarning)
    results = {"linear x, all labels": [], "linear x, 50% hidden": [], "x + MLP, all labels": []}
    for seed in range(args.seeds):
        X, Y, M, A = generate(seed)
        signed = 2 * Y - 1
        everything = np.ones_like(M)
        results["linear x, all labels"].append(orientation(dependency_network(X, signed, Y, everything), A))
        marginal = np.column_stack([LogisticRegression(C=10, max_iter=5000).fit(X[M[:, j]], Y[M[:, j], j]).predict_proba(X)[:, 1]
                                    for j in range(Y.shape[1])])
        filled = np.where(M, signed, 2 * marginal - 1)
        results["linear x, 50% hidden"].append(orientation(dependency_network(X, filled, Y, M), A))
        mlp = MLPClassifier(hidden_layer_sizes=(64,), max_iter=500, random_state=seed).fit(X, Y)
        hidden = np.maximum(0, X @ mlp.coefs_[0] + mlp.intercepts_[0])
        results["x + MLP, all labels"].append(orientation(dependency_network(np.hstack([X, hidden]), signed, Y, everything), A))
        print(f"seed {seed}: {int(A.sum())} edges; " + ", ".join(f"{k} {v[-1]:.2f}" for k, v in results.items()), flush=True)
    print_table("condition | orientation", results)


if __name__ == "__main__":
    main()
