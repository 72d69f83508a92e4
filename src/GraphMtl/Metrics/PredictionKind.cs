namespace GraphMtl.Metrics;

/// <summary>How a task's labels and scores are laid out; chooses the definitions <see cref="TaskMetrics.Compute"/> uses.</summary>
public enum PredictionKind
{
    /// <summary>One class per sample out of C; scores are a row-major [n × C] matrix, the prediction is the row's argmax.</summary>
    MultiClass,

    /// <summary>C independent 0/1 labels per sample; labels and scores are row-major [n × C], the prediction is score ≥ 0.5.</summary>
    MultiLabel,

    /// <summary>One 0/1 label per sample; the score is the probability of class 1, the prediction is score ≥ 0.5.</summary>
    Binary,
}
