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
/// Reads rows stamped in a window, ordered by (time column, id column), for example (<c>lastmodifieddate</c>,
/// <c>id</c>) of transactions, with keyset paging: each page requests the rows after the last one returned instead
/// of using an offset. A row changed during the read moves past the window's upper bound, so the read neither skips
/// nor repeats rows that stay put, and the next read picks the changed row up.
/// </summary>
public sealed class IncrementalReader(SuiteQlClient client, TimeProvider timeProvider)
{
    /// <summary>Name of the <c>TO_CHAR(lastmodifieddate, ...)</c> column every transaction page carries, for the
    /// cursor.</summary>
    public const string LastModifiedColumn = "lastmodified";

    /// <summary>
    /// Reads one page. Without <paramref name="cursor"/>, the window is [<paramref name="since"/>,
    /// <paramref name="until"/> or now), with both ends truncated to the second; with a cursor, the cursor's
    /// window applies.
    /// </summary>
    public async Task<KeysetPage> ReadPageAsync(
        KeysetQuery query,
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
                SuiteQlPage.Read(last, query.TimeAlias)
                ?? throw new InvalidDataException("a SuiteQL row has no " + query.TimeAlias + " value"));
            var id = long.Parse(SuiteQlPage.Read(last, query.IdColumn) ?? "0", CultureInfo.InvariantCulture);
            next = new KeysetCursor(windowStart, windowEnd, lastModified, id).Encode();
        }

        return new KeysetPage(page.Items, page.HasMore, next, windowEnd);
    }

    /// <summary>Builds the SELECT for one page; exposed for tests that check the literals.</summary>
    public static string BuildQuery(
        KeysetQuery query,
        DateTimeOffset since,
        DateTimeOffset until,
        KeysetCursor? cursor)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (time, id) = (query.TimeColumn, query.IdColumn);
        var sql = new StringBuilder()
            .Append("SELECT ").Append(string.Join(", ", query.Columns))
            .Append(", TO_CHAR(").Append(time).Append(", '").Append(SuiteQlLiteral.TimestampFormat).Append("') AS ")
            .Append(query.TimeAlias)
            .Append(" FROM ").Append(query.Table).Append(" WHERE ").Append(query.Filter)
            .Append(" AND ").Append(time).Append(" >= ").Append(SuiteQlLiteral.Timestamp(since))
            .Append(" AND ").Append(time).Append(" < ").Append(SuiteQlLiteral.Timestamp(until));
        if (cursor is not null)
        {
            var after = SuiteQlLiteral.Timestamp(cursor.LastModified);
            sql.Append(" AND (").Append(time).Append(" > ").Append(after)
                .Append(" OR (").Append(time).Append(" = ").Append(after)
                .Append(" AND ").Append(id).Append(" > ").Append(cursor.Id.ToString(CultureInfo.InvariantCulture))
                .Append("))");
        }

        return sql.Append(" ORDER BY ").Append(time).Append(", ").Append(id).ToString();
    }
}

/// <summary>
/// The table, filter and columns of one incremental read, ordered by <see cref="TimeColumn"/> and
/// <see cref="IdColumn"/>. Every page also selects <c>TO_CHAR(TimeColumn)</c> as <see cref="TimeAlias"/>, which the
/// cursor is built from. <see cref="Filter"/> is SuiteQL text built from literals, never from caller input.
/// </summary>
public sealed record KeysetQuery(
    string Table,
    string Filter,
    string TimeColumn,
    string IdColumn,
    string TimeAlias,
    IReadOnlyList<string> Columns)
{
    /// <summary>A read of the <c>transaction</c> table for some type codes, by <c>lastmodifieddate</c> and
    /// <c>id</c>.</summary>
    public static KeysetQuery Transactions(IReadOnlyList<string> types, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(types);
        var filter = "type IN (" + string.Join(", ", types.Select(SuiteQlLiteral.Text)) + ")";
        return new KeysetQuery("transaction", filter, "lastmodifieddate", "id",
            IncrementalReader.LastModifiedColumn, columns);
    }
}
