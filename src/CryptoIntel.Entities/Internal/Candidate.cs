namespace CryptoIntel.Entities.Internal;

/// <summary>A reading of one hit that passed (or may pass) the rules.</summary>
internal readonly record struct Candidate(int Entry, int Start, int End, double Confidence, MatchKind Kind, bool IsPending, bool IsCurated)
{
    public static Candidate None => new(-1, 0, 0, 0, MatchKind.Name, false, false);

    public int Length => End - Start;
}
