using System.Text.Json.Serialization;

namespace CryptoIntel.Entities.Evaluate;

/// <summary>Precision, recall and F1 of a set of predictions against labels (micro-averaged over label occurrences).</summary>
public sealed record Score(int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static Score operator +(Score a, Score b) => new(a.TruePositives + b.TruePositives, a.FalsePositives + b.FalsePositives, a.FalseNegatives + b.FalseNegatives);

    public override string ToString() => $"P {Precision:0.000}  R {Recall:0.000}  F1 {F1:0.000}  (TP {TruePositives}, FP {FalsePositives}, FN {FalseNegatives})";
}

/// <summary>One title where the prediction and the labels disagree.</summary>
public sealed record Disagreement(int Row, string Title, IReadOnlyList<string> Expected, IReadOnlyList<string> Predicted, IReadOnlyList<string> Links);

/// <summary>The figures for one CSV.</summary>
public sealed record AccuracyReport(string File, string Shape, int Titles, string Rows)
{
    /// <summary>Gold: all labels (mentioned and implied) vs all predicted assets. Silver: all tags.</summary>
    public required Score All { get; init; }

    /// <summary>Gold: literal mentions only. Silver: tags that are not one char, a number or a stop-word.</summary>
    public required Score Filtered { get; init; }

    /// <summary>Gold only: implied labels vs linked predictions.</summary>
    public Score? Implied { get; init; }

    public double MillisecondsPerTitle { get; init; }

    public int GazetteerEntries { get; init; }

    [JsonIgnore]
    public IReadOnlyList<Disagreement> Disagreements { get; init; } = [];
}
