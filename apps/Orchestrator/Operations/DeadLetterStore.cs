using DaprSync.Runtime;

namespace DaprSync.Orchestrator.Operations;

/// <summary>
/// An event that exhausted its deliveries. <see cref="OriginalTopic"/> is null when neither the CloudEvent nor
/// the payload's shape names it; such a letter is replayed only to a topic the operator names.
/// </summary>
public sealed record DeadLetter(
    string MessageId,
    string? OriginalTopic,
    string Payload,
    DateTimeOffset ReceivedAt,
    int Replays,
    DateTimeOffset? LastReplayedAt);

/// <summary>Dead letters in the state store by message id, with an index key because the store has no query.</summary>
public sealed class DeadLetterStore(IStateStore state)
{
    private const string IndexKey = "deadletter:index";
    private const int MaxConflictRetries = 20;

    /// <summary>Stores a letter; a redelivery of the same message id replaces the stored copy.</summary>
    public async Task SaveAsync(DeadLetter letter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(letter);
        await state.SaveAsync(Key(letter.MessageId), letter, cancellationToken: cancellationToken);
        for (var attempt = 1; attempt <= MaxConflictRetries; attempt++)
        {
            var index = await state.GetAsync<List<string>>(IndexKey, cancellationToken);
            var ids = index?.Value ?? [];
            if (ids.Contains(letter.MessageId, StringComparer.Ordinal))
            {
                return;
            }

            ids.Add(letter.MessageId);
            if (await state.TrySaveAsync(IndexKey, ids, index?.ETag, cancellationToken: cancellationToken))
            {
                return;
            }
        }

        throw new InvalidOperationException(
            $"Dead letter index was not updated with {letter.MessageId}: {MaxConflictRetries} ETag conflicts in a row.");
    }

    public async Task<DeadLetter?> GetAsync(string messageId, CancellationToken cancellationToken) =>
        (await state.GetAsync<DeadLetter>(Key(messageId), cancellationToken))?.Value;

    /// <summary>Lists the letters in the order they arrived.</summary>
    public async Task<IReadOnlyList<DeadLetter>> ListAsync(CancellationToken cancellationToken)
    {
        var index = await state.GetAsync<List<string>>(IndexKey, cancellationToken);
        var letters = new List<DeadLetter>();
        foreach (var id in index?.Value ?? [])
        {
            if (await GetAsync(id, cancellationToken) is { } letter)
            {
                letters.Add(letter);
            }
        }

        return letters;
    }

    private static string Key(string messageId) => $"deadletter:{messageId}";
}
