using System.Globalization;
using System.Text;
using System.Text.Json;

namespace DaprSync.NetSuiteSapi.SuiteQl;

/// <summary>A page of an incremental read; <see cref="Cursor"/> is null on the last page.</summary>
public sealed record KeysetPage(
    IReadOnlyList<Dictionary<string, JsonElement>> Items,
    bool HasMore,
    string? Cursor,
    DateTimeOffset Until);

/// <summary>
/// Reads transactions modified in a window, ordered by (<c>lastmodifieddate</c>, <c>id</c>), with keyset paging:
/// each page requests the rows after the last one returned instead of using an offset. A row changed during the
/// read moves past the window's upper bound, so the read neither skips nor repeats rows that stay put, and the
/// next read picks the changed row up.
/// </summary>
public sealed class IncrementalReader(SuiteQlClient client, TimeProvider timeProvider)
{
    /// <summary>Name of the <c>TO_CHAR(lastmodifieddate, ...)</c> column every page carries, for the cursor.</summary>
    public const string LastModifiedColumn = "lastmodified";

    /// <summary>
    /// Reads one page. Without <paramref name="cursor"/>, the window is [<paramref name="since"/>,
    /// <paramref name="until"/> or now), with both ends truncated to the second; with a cursor, the cursor's
    /// window applies.
    /// </summary>
    public async Task<KeysetPage> ReadPageAsync(
        TransactionQuery query,
        DateTimeOffset since,
        DateTimeOffset? until,
        KeysetCursor? cursor,
        int pageSize,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var windowStart = cursor?.Since ?? SuiteQlLiteral.TruncateToSecond(since);
        var windowEnd = cursor?.Until ?? SuiteQlLiteral.TruncateToSecond(until ?? timeProvider.GetUtcNow());

        var text = BuildQuery(query, windowStart, windowEnd, cursor);
        var page = await client.QueryPageAsync(text, pageSize, 0, cancellationToken);

        string? next = null;
        if (page.HasMore && page.Items.Count > 0)
        {
            var last = page.Items[^1];
            var lastModified = SuiteQlLiteral.ParseTimestamp(
                SuiteQlPage.Read(last, LastModifiedColumn)
                ?? throw new InvalidDataException("a SuiteQL row has no " + LastModifiedColumn + " value"));
            var id = long.Parse(SuiteQlPage.Read(last, "id") ?? "0", CultureInfo.InvariantCulture);
            next = new KeysetCursor(windowStart, windowEnd, lastModified, id).Encode();
        }

        return new KeysetPage(page.Items, page.HasMore, next, windowEnd);
    }

    /// <summary>Builds the SELECT for one page; exposed for tests that check the literals.</summary>
    public static string BuildQuery(
        TransactionQuery query,
        DateTimeOffset since,
        DateTimeOffset until,
        KeysetCursor? cursor)
    {
        ArgumentNullException.ThrowIfNull(query);
        var types = string.Join(", ", query.Types.Select(SuiteQlLiteral.Text));
        var sql = new StringBuilder()
            .Append("SELECT ").Append(string.Join(", ", query.Columns))
            .Append(", TO_CHAR(lastmodifieddate, '").Append(SuiteQlLiteral.TimestampFormat).Append("') AS ")
            .Append(LastModifiedColumn)
            .Append(" FROM transaction WHERE type IN (").Append(types).Append(')')
            .Append(" AND lastmodifieddate >= ").Append(SuiteQlLiteral.Timestamp(since))
            .Append(" AND lastmodifieddate < ").Append(SuiteQlLiteral.Timestamp(until));
        if (cursor is not null)
        {
            var after = SuiteQlLiteral.Timestamp(cursor.LastModified);
            sql.Append(" AND (lastmodifieddate > ").Append(after)
                .Append(" OR (lastmodifieddate = ").Append(after)
                .Append(" AND id > ").Append(cursor.Id.ToString(CultureInfo.InvariantCulture)).Append("))");
        }

        return sql.Append(" ORDER BY lastmodifieddate, id").ToString();
    }
}

/// <summary>The transaction types and columns of one incremental read.</summary>
public sealed record TransactionQuery(IReadOnlyList<string> Types, IReadOnlyList<string> Columns);
