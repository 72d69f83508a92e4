#!/usr/bin/env python3
"""How much can a task graph add to prediction on the synthetic task-DAG benchmark? (docs/results.md §4)

An oracle check outside GraphMtl, on data from the generator's distribution (gcnet.md §6.1; the DAGs and mechanisms of
orientation_oracle.py, numpy's random stream, 2,000 examples, half of the labels hidden, the last 400 rows as the test
set). Mean test ROC-AUC over tasks, on the observed test labels:

  Bayes P(y|x)           the true mechanisms, marginals by Monte Carlo ancestral sampling (the best any method can do)
  logistic on x          one logistic regression per task on x, from that task's observed training labels
  true-DAG SCM           the true parent sets given: each task's logistic mechanism on [x, parents' signed labels]
                         fitted on the training rows where the task and its parents are observed, marginals by
                         ancestral sampling (what a structured model could reach if it knew the DAG exactly)

and, with half of each test example's observed labels revealed (the others scored):

  Bayes P(y|x, known)    the true mechanisms conditioned on the revealed labels (likelihood weighting)
  Bayes P(y|x)           the same hidden entries, ignoring what was revealed

Requires numpy and scikit-learn (Debian: apt-get install python3-sklearn).
Run: python3 bench/scripts/prediction_oracle.py [--seeds 5]
"""
import argparse
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

from orientation_oracle import generate_with_mechanisms, print_table

SAMPLES = 2000  # Monte Carlo label samples per test example


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def ancestral(X, W, beta, offsets, order, rng, known=None, values=None):
    """P(y_t = 1 | x[, known labels]) [n, T]: samples of the label model, weighted by the likelihood of the known labels."""
    n, tasks = X.shape[0], W.shape[1]
    Ys = np.zeros((SAMPLES, n, tasks))
    logw = np.zeros((SAMPLES, n))
    for c in order:
        p = sigmoid(X @ W[:, c] + offsets[c] + (2 * Ys - 1) @ beta[:, c])
        draw = rng.random(p.shape) < p
        if known is None:
            Ys[:, :, c] = draw
            continue
        k = known[:, c][None, :]
        y = values[:, c][None, :]
        logw += np.where(k, np.log(np.where(y == 1, p, 1 - p) + 1e-12), 0)
        Ys[:, :, c] = np.where(k, y, draw)
    w = np.exp(logw - logw.max(0))
    w /= w.sum(0)
    return (w[:, :, None] * Ys).sum(0)


def mean_auc(Y, P, scored):
    return float(np.mean([roc_auc_score(Y[scored[:, t], t], P[scored[:, t], t]) for t in range(Y.shape[1])]))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=5)
    args = parser.parse_args()
    warnings.filterwarnings("ignore", category=ConvergenceWarning)
    names = ["Bayes P(y|x)", "logistic on x", "true-DAG SCM", "revealed: Bayes P(y|x, known)", "revealed: Bayes P(y|x)"]
    results = {k: [] for k in names}
    for seed in range(args.seeds):
        X, Y, M, A, (W, beta, offsets, order) = generate_with_mechanisms(seed)
        rng = np.random.default_rng(1000 + seed)
        train, test = np.arange(1600), np.arange(1600, 2000)
        features = X.shape[1]
        results["Bayes P(y|x)"].append(mean_auc(Y[test], ancestral(X[test], W, beta, offsets, order, rng), M[test]))

        logistic = np.column_stack([
            LogisticRegression(C=1, max_iter=3000).fit(X[train][M[train, t]], Y[train, t][M[train, t]]).predict_proba(X[test])[:, 1]
            for t in range(Y.shape[1])])
        results["logistic on x"].append(mean_auc(Y[test], logistic, M[test]))

        W_hat, beta_hat, b_hat = np.zeros_like(W), np.zeros_like(beta), np.zeros_like(offsets)
        for c in order:
            parents = np.nonzero(A[:, c])[0]
            rows = train[M[train, c] & M[train][:, parents].all(1)]
            model = LogisticRegression(C=1, max_iter=3000).fit(np.hstack([X[rows], 2 * Y[rows][:, parents] - 1]), Y[rows, c])
            W_hat[:, c], b_hat[c], beta_hat[parents, c] = model.coef_[0, :features], model.intercept_[0], model.coef_[0, features:]
        results["true-DAG SCM"].append(mean_auc(Y[test], ancestral(X[test], W_hat, beta_hat, b_hat, order, rng), M[test]))

        known = M[test] & (rng.random(M[test].shape) < 0.5)
        hidden = M[test] & ~known
        conditional = ancestral(X[test], W, beta, offsets, order, rng, known, Y[test])
        results["revealed: Bayes P(y|x, known)"].append(mean_auc(Y[test], conditional, hidden))
        results["revealed: Bayes P(y|x)"].append(mean_auc(Y[test], ancestral(X[test], W, beta, offsets, order, rng), hidden))
        print(f"seed {seed}: " + ", ".join(f"{k} {v[-1]:.3f}" for k, v in results.items()), flush=True)
    print_table("predictor | test ROC-AUC ×100", results, scale=100)


if __name__ == "__main__":
    main()
