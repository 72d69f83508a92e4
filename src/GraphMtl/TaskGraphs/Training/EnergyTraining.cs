namespace GraphMtl.TaskGraphs.Training;

/// <summary>The NCE step and Gibbs inference shared by SGNN-EBM's EBM and GCNet's output-level EBM.</summary>
internal static class EnergyTraining
{
    /// <summary>The sampler's inputs from logits, detached: probabilities φ (probability domain) or log φ (log domain).</summary>
    public static (Tensor Unary, Tensor Pair) SamplerInputs(Tensor nodeLogits, Tensor pairLogits, GibbsDomain domain)
    {
        using var _ = no_grad();
        return domain == GibbsDomain.Probability
            ? (nodeLogits.detach().softmax(2), pairLogits.detach().softmax(2))
            : (nodeLogits.detach().log_softmax(2), pairLogits.detach().log_softmax(2));
    }

    /// <summary>Unaries in the sampler's domain from probabilities (GCNet's propagated marginals ν').</summary>
    public static Tensor UnaryFromProbabilities(Tensor probabilities, GibbsDomain domain) =>
        domain == GibbsDomain.Probability ? probabilities : probabilities.clamp_min(1e-8).log();

    /// <summary>
    /// The NCE loss of one batch (gcnet.md §4.4 steps 5–6): data labels with the missing ones filled from the chain's
    /// <paramref name="sample"/> (every entry then valid) unless <paramref name="fillMissing"/> is off, noise labels
    /// <paramref name="noise"/>, both scored under p̃ (<paramref name="nodeLogits"/>, <paramref name="pairLogits"/>) and
    /// under q = Π_i q_i (<paramref name="q"/> <c>[B, T, 2]</c>).
    /// </summary>
    public static Tensor Nce(Tensor nodeLogits, Tensor pairLogits, TaskGraphTensors graph, StageBatch batch, Tensor sample, Tensor q, Tensor noise,
        double lambda, bool fillMissing)
    {
        Tensor data, valid;
        if (fillMissing)
        {
            data = where(batch.Valid.gt(0), batch.Labels, sample);
            valid = ones_like(batch.Valid);
        }
        else
        {
            data = batch.Labels;
            valid = batch.Valid;
        }
        var logPData = TaskEnergy.LogLikelihood(nodeLogits, pairLogits, graph.Source, graph.Target, data, valid, lambda);
        var logPNoise = TaskEnergy.LogLikelihood(nodeLogits, pairLogits, graph.Source, graph.Target, noise, valid, lambda);
        var logQData = TaskEnergy.LogFactorised(q, data, valid);
        var logQNoise = TaskEnergy.LogFactorised(q, noise, valid);
        return TaskEnergy.NceLoss(logPData, logQData, logPNoise, logQNoise);
    }

    /// <summary>
    /// Gibbs inference: <paramref name="chains"/> independent chains from <paramref name="start"/>, the last sweep's
    /// conditional P(y_i = 1) averaged over chains <c>[B, T]</c>. Labels revealed at evaluation (<see cref="StageBatch.Known"/>)
    /// are clamped at their values, so every other task's conditional reads them: the chain samples
    /// p(y_hidden | x, y_known) of the same energy, with no retraining.
    /// </summary>
    public static Tensor Infer(GibbsSampler sampler, Tensor unary, Tensor pair, Tensor start, int sweeps, int chains, StageBatch batch, Tensor? tilt = null)
    {
        var clamp = batch.Known;
        start = batch.ChainStart(start);
        if (chains > 1)
        {
            unary = unary.repeat(chains, 1, 1);
            pair = pair.repeat(chains, 1, 1);
            start = start.repeat(chains, 1);
            tilt = tilt?.repeat(chains, 1);
            clamp = clamp?.repeat(chains, 1);
        }
        var (_, conditionals) = sampler.Run(unary, pair, start, sweeps, batch.Random, batch.Generator, tilt, clamp);
        var p1 = conditionals.select(2, 1); // [C·B, T]
        return chains > 1 ? p1.view((long)chains, batch.Size, -1L).mean([0L]) : p1;
    }
}
