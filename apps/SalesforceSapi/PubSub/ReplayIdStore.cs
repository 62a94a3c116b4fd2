using DaprSync.Runtime;

namespace DaprSync.SalesforceSapi.PubSub;

/// <summary>
/// The last handled replay id per topic, in the state store under <c>replay-id:{topic}</c> as base64, so a
/// restarted subscriber resumes after the last event it handled. Beside it, under
/// <c>last-event-date:{topic}</c>, is the <c>CreatedDate</c> of the last event bridged to the bus, from which
/// a catch-up sweep starts when the replay id has expired.
/// </summary>
public sealed class ReplayIdStore(IStateStore stateStore)
{
    public static string KeyFor(string topicName) => $"replay-id:{topicName}";

    public static string LastEventDateKeyFor(string topicName) => $"last-event-date:{topicName}";

    /// <summary>
    /// Returns the stored replay id, or null when none is stored. A value that is not base64 comes back
    /// as an empty array, which the Pub/Sub API rejects as an invalid replay id, so it is reported.
    /// </summary>
    public async Task<byte[]?> GetAsync(string topicName, CancellationToken cancellationToken)
    {
        var entry = await stateStore.GetAsync<string>(KeyFor(topicName), cancellationToken);
        if (entry is null || entry.Value is null)
        {
            return null;
        }

        try
        {
            return Convert.FromBase64String(entry.Value);
        }
        catch (FormatException)
        {
            return [];
        }
    }

    public Task SaveAsync(string topicName, ReadOnlyMemory<byte> replayId, CancellationToken cancellationToken) =>
        stateStore.SaveAsync(KeyFor(topicName), Convert.ToBase64String(replayId.Span), cancellationToken: cancellationToken);

    /// <summary>Returns the <c>CreatedDate</c> of the last event bridged from the topic, or null if none.</summary>
    public async Task<DateTimeOffset?> GetLastEventDateAsync(string topicName, CancellationToken cancellationToken)
    {
        var entry = await stateStore.GetAsync<DateTimeOffset>(LastEventDateKeyFor(topicName), cancellationToken);
        return entry?.Value;
    }

    public Task SaveLastEventDateAsync(
        string topicName, DateTimeOffset createdDate, CancellationToken cancellationToken) =>
        stateStore.SaveAsync(LastEventDateKeyFor(topicName), createdDate, cancellationToken: cancellationToken);

    public Task DeleteAsync(string topicName, CancellationToken cancellationToken) =>
        stateStore.TryDeleteAsync(KeyFor(topicName), cancellationToken: cancellationToken);
}
