using Microsoft.Extensions.AI;

namespace CryptoIntel.Signals.Tests.News;

/// <summary>An <see cref="IChatClient"/> that answers with a delegate and records what it was asked.</summary>
internal sealed class FakeChatClient(Func<IReadOnlyList<ChatMessage>, ChatOptions?, CancellationToken, Task<ChatResponse>> respond) : IChatClient
{
    private int _inFlight;

    public List<(IReadOnlyList<ChatMessage> Messages, ChatOptions? Options)> Calls { get; } = [];

    public int MaxInFlight { get; private set; }

    public static FakeChatClient Answering(string text, ChatFinishReason? finishReason = null) =>
        new((_, _, _) => Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, text)) { FinishReason = finishReason }));

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        List<ChatMessage> list = [.. messages];
        lock (Calls)
        {
            Calls.Add((list, options));
            MaxInFlight = Math.Max(MaxInFlight, ++_inFlight);
        }

        try
        {
            return await respond(list, options, cancellationToken);
        }
        finally
        {
            lock (Calls)
            {
                _inFlight--;
            }
        }
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The analyser does not stream.");

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
