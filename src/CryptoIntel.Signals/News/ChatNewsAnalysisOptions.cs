using System.ComponentModel.DataAnnotations;

namespace CryptoIntel.Signals.News;

/// <summary>Options of the chat news analyser registered by <c>AddChatNewsAnalysis</c>.</summary>
public sealed class ChatNewsAnalysisOptions
{
    /// <summary>Gets or sets how long one answer of the chat model may take before the fallback answers.</summary>
    /// <value>10 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets the most requests to the chat model in flight at once; further calls wait for a slot.</summary>
    /// <value>4.</value>
    [Range(1, 1024)]
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Gets or sets the model id passed to the chat client, or null for the client's default model.</summary>
    /// <value>Null.</value>
    public string? ModelId { get; set; }

    /// <summary>Gets or sets the longest text sent to the model; longer texts are cut to this many characters.</summary>
    /// <value>4,000 characters.</value>
    [Range(64, 1_000_000)]
    public int MaxTextLength { get; set; } = 4_000;

    /// <summary>Gets or sets the most output tokens the model may spend on one answer (a short JSON object).</summary>
    /// <value>400.</value>
    [Range(32, 100_000)]
    public int MaxOutputTokens { get; set; } = 400;
}
