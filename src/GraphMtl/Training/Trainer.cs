using System.Diagnostics;
using GraphMtl.Weighting;

namespace GraphMtl.Training;

/// <summary>
/// The training loop without special cases (TorchSharp's MNIST example without its static state): AdamW or Adam, one dispose
/// scope per step and per evaluation, evaluation every k epochs (epoch 0 included), early stopping with patience
/// counted in evaluations, and the best checkpoint by validation restored at the end.
/// </summary>
public sealed class Trainer(TrainOptions options, IReadOnlyList<ITrainingCallback> callbacks)
{
    /// <summary>Trains <paramref name="problem"/>; the module ends with the selected weights.</summary>
    public RunResult Fit(ITrainingProblem problem, ILossWeighting weighting, RunInfo run)
    {
        foreach (var c in callbacks) c.OnRunStart(run);
        var module = problem.Module;
        var parameters = module.parameters().Concat(weighting.ExtraParameters()).ToList();
        using var optimizer = options.CreateOptimizer(parameters);
        var shared = problem.SharedParameters().ToList();
        var selector = new ModelSelector(options.Selection, problem.Tasks);
        var epochLosses = new List<double[]>();
        var epochSeconds = new List<double>();
        StateSnapshot? best = null;
        Evaluation? bestEvaluation = null;
        int bestEpoch = -1, epoch = 0;
        double evaluationSeconds = 0;
        var clock = new Stopwatch();

        try
        {
            for (; epoch < options.Epochs; epoch++)
            {
                module.train();
                clock.Restart();
                var (losses, weights) = RunEpoch(problem, weighting, optimizer, parameters, new WeightingContext(problem.Tasks, epoch, epochLosses, shared), epoch);
                epochSeconds.Add(clock.Elapsed.TotalSeconds);
                epochLosses.Add(losses);
                NativeMemory.ReleaseUnscoped(); // outside the timed region

                Evaluation? evaluation = null;
                bool improved = false;
                if (epoch % options.EvalEvery == 0 || epoch == options.Epochs - 1)
                {
                    module.eval();
                    clock.Restart();
                    evaluation = problem.Evaluate(includeTrain: false);
                    evaluationSeconds += clock.Elapsed.TotalSeconds;
                    improved = selector.Consider(evaluation);
                    if (improved)
                    {
                        best?.Dispose();
                        best = StateSnapshot.Capture(module);
                        bestEvaluation = evaluation;
                        bestEpoch = epoch;
                    }
                }
                var record = new EpochRecord(epoch, losses, weights, epochSeconds[^1], evaluation, improved);
                foreach (var c in callbacks) c.OnEpoch(run, record);
                if (options.Patience > 0 && evaluation != null && selector.SinceBest >= options.Patience)
                {
                    epoch++;
                    break;
                }
            }
            best?.Restore(module);
            module.eval();
            var result = new RunResult(run, bestEvaluation ?? new Evaluation(), bestEpoch, epoch, epochSeconds, evaluationSeconds);
            foreach (var c in callbacks) c.OnRunEnd(run, result);
            return result;
        }
        finally
        {
            best?.Dispose();
        }
    }

    // Runs the epoch's steps, each inside its own dispose scope (opened before the step's forward pass runs).
    private (double[] Losses, double[] Weights) RunEpoch(ITrainingProblem problem, ILossWeighting weighting, optim.Optimizer optimizer,
        List<Parameter> parameters, WeightingContext context, int epoch)
    {
        int tasks = problem.Tasks.Count, steps = 0;
        var lossSum = new double[tasks];
        var weightSum = new double[tasks];
        using var enumerator = problem.TrainingSteps(epoch).GetEnumerator();
        while (true)
        {
            using var scope = NewDisposeScope();
            if (!enumerator.MoveNext()) break;
            var losses = enumerator.Current;
            optimizer.zero_grad();
            var step = weighting.Backward(losses, context);
            if (options.ClipGradNorm > 0) nn.utils.clip_grad_norm_(parameters, options.ClipGradNorm);
            optimizer.step();
            for (int k = 0; k < tasks; k++)
            {
                lossSum[k] += losses[k].item<float>();
                weightSum[k] += step.Weights[k];
            }
            steps++;
        }
        if (steps == 0) return (lossSum, weightSum);
        return (lossSum.Select(v => v / steps).ToArray(), weightSum.Select(v => v / steps).ToArray());
    }
}
