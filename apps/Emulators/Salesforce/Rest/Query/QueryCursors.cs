using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using DaprSync.SalesforceEmulator.Schema;

namespace DaprSync.SalesforceEmulator.Rest.Query;

/// <summary>
/// Open query cursors: the remaining rows of a query whose first batch has been returned, addressed by
/// locators such as <c>01g000000000001AAA-2000</c> (cursor id, a dash, the offset of the next batch).
/// </summary>
public sealed class QueryCursors(TimeProvider timeProvider)
{
    /// <summary>Salesforce's default and maximum batch size of the query resource.</summary>
    public const int DefaultBatchSize = 2000;

    /// <summary>Smallest batch size that <c>Sforce-Query-Options: batchSize</c> may request.</summary>
    public const int MinBatchSize = 200;

    /// <summary>A cursor unused for this long is closed, as Salesforce closes idle cursors after 15 minutes.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, Cursor> cursors = new(StringComparer.Ordinal);
    private long sequence;

    /// <summary>
    /// Returns the batch of <paramref name="rows"/> that starts at <paramref name="offset"/>, with the locator
    /// of the next batch, or null when this batch is the last one (which closes the cursor).
    /// </summary>
    public (IReadOnlyList<JsonObject> Batch, string? NextLocator) Open(IReadOnlyList<JsonObject> rows, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count <= batchSize)
        {
            return (rows, null);
        }

        var id = SalesforceId.Create("01g", Interlocked.Increment(ref sequence));
        cursors[id] = new Cursor(rows, batchSize, timeProvider.GetUtcNow());
        return (rows.Take(batchSize).ToList(), $"{id}-{batchSize}");
    }

    /// <summary>Returns the batch at a locator and the next locator, or false for an unknown or expired locator.</summary>
    public bool TryRead(
        string locator,
        out IReadOnlyList<JsonObject> batch,
        out string? nextLocator,
        out int totalSize)
    {
        batch = [];
        nextLocator = null;
        totalSize = 0;
        var dash = locator.LastIndexOf('-');
        if (dash <= 0 || !int.TryParse(locator[(dash + 1)..], out var offset) || offset < 0
            || !cursors.TryGetValue(locator[..dash], out var cursor))
        {
            return false;
        }

        var now = timeProvider.GetUtcNow();
        var id = locator[..dash];
        if (now - cursor.LastUsed > IdleTimeout || offset >= cursor.Rows.Count)
        {
            cursors.TryRemove(id, out _);
            return false;
        }

        cursors[id] = cursor with { LastUsed = now };
        batch = cursor.Rows.Skip(offset).Take(cursor.BatchSize).ToList();
        totalSize = cursor.Rows.Count;
        var nextOffset = offset + cursor.BatchSize;
        if (nextOffset >= cursor.Rows.Count)
        {
            cursors.TryRemove(id, out _);
        }
        else
        {
            nextLocator = $"{id}-{nextOffset}";
        }

        return true;
    }

    private sealed record Cursor(IReadOnlyList<JsonObject> Rows, int BatchSize, DateTimeOffset LastUsed);
}
