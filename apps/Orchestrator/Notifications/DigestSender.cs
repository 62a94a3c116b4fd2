using DaprSync.Orchestrator.Outcomes;
using DaprSync.Runtime;
using Microsoft.Extensions.Options;

namespace DaprSync.Orchestrator.Notifications;

/// <summary>
/// Sends the failure digest: every failed outcome of the configured flows that is new, or failed again, since
/// the last digest that was sent. Which failures were sent is kept in the state key <see cref="ReportedKey"/>
/// (record to the <c>LastSeen</c> it was sent with), so a restart does not repeat a digest.
/// </summary>
public sealed partial class DigestSender(
    SyncOutcomeStore outcomes,
    FailureEmailSender email,
    IStateStore state,
    IOptions<DigestOptions> options,
    TimeProvider time,
    ILogger<DigestSender> logger)
{
    public const string ReportedKey = "notifications:digest:reported";

    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>
    /// Sends the digest now and returns the failures it listed. The list is empty when nothing is new or the
    /// email was not sent (email off or the relay failed), and then the same failures are listed next time.
    /// </summary>
    public async Task<IReadOnlyList<SyncOutcome>> SendNowAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await SendAsync(cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<IReadOnlyList<SyncOutcome>> SendAsync(CancellationToken cancellationToken)
    {
        var reported = (await state.GetAsync<Dictionary<string, DateTimeOffset>>(ReportedKey, cancellationToken))?.Value
            ?? [];
        var failures = new List<SyncOutcome>();
        foreach (var flow in options.Value.Flows)
        {
            failures.AddRange((await outcomes.ListAsync(flow, cancellationToken))
                .Where(outcome => outcome.Outcome == SyncOutcomes.Failed));
        }

        var fresh = failures
            .Where(failure => !reported.TryGetValue(KeyOf(failure), out var lastSeen) || failure.LastSeen > lastSeen)
            .ToList();
        if (fresh.Count == 0)
        {
            NothingNew(logger, failures.Count);
            return [];
        }

        var digest = new DigestEmail(time.GetUtcNow(), fresh);
        var runId = $"digest-{digest.CreatedAt:yyyyMMddHHmmss}";
        if (!await email.SendHtmlAsync(DigestOptions.RecipientFlow, digest.Subject, digest.ToHtml(), runId, cancellationToken))
        {
            NotSent(logger, fresh.Count);
            return [];
        }

        // Only failures still open are kept, so a record that synced and fails again is listed again.
        var sent = failures.ToDictionary(KeyOf, failure => failure.LastSeen, StringComparer.Ordinal);
        await state.SaveAsync(ReportedKey, sent, cancellationToken: cancellationToken);
        Sent(logger, runId, fresh.Count);
        return fresh;
    }

    private static string KeyOf(SyncOutcome outcome) => $"{outcome.Flow}/{outcome.RecordId}";

    [LoggerMessage(2200, LogLevel.Information, "Sent failure digest {RunId} listing {Count} new failures")]
    private static partial void Sent(ILogger logger, string runId, int count);

    [LoggerMessage(2201, LogLevel.Debug, "Failure digest skipped: none of the {OpenCount} open failures is new")]
    private static partial void NothingNew(ILogger logger, int openCount);

    [LoggerMessage(2202, LogLevel.Warning,
        "Failure digest of {Count} failures was not sent; they are listed again in the next digest")]
    private static partial void NotSent(ILogger logger, int count);
}
