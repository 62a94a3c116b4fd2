using DaprSync.NetSuiteSapi.Items;
using DaprSync.NetSuiteSapi.SuiteQl;

namespace DaprSync.NetSuiteSapi.Tests.SuiteQl;

public sealed class SuiteQlQueryTextTests
{
    [Fact]
    public void Timestamp_UtcValue_UsesExplicitFormat()
    {
        var value = new DateTimeOffset(2026, 3, 1, 14, 5, 9, 700, TimeSpan.FromHours(1));

        var literal = SuiteQlLiteral.Timestamp(value);

        Assert.Equal("TO_TIMESTAMP('2026-03-01 13:05:09', 'YYYY-MM-DD HH24:MI:SS')", literal);
    }

    [Fact]
    public void Text_Quote_IsDoubled()
    {
        Assert.Equal("'O''Brien'' OR 1=1 --'", SuiteQlLiteral.Text("O'Brien' OR 1=1 --"));
    }

    [Fact]
    public void BuildQuery_WithCursor_AddsKeysetCondition()
    {
        var since = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var until = since.AddHours(1);
        var cursor = new KeysetCursor(since, until, since.AddMinutes(5), 20042);

        var query = IncrementalReader.BuildQuery(TransactionMapper.Invoices, since, until, cursor);

        Assert.Contains("type IN ('CustInvc')", query, StringComparison.Ordinal);
        Assert.Contains("lastmodifieddate >= TO_TIMESTAMP('2026-03-01 00:00:00', 'YYYY-MM-DD HH24:MI:SS')", query,
            StringComparison.Ordinal);
        Assert.Contains("lastmodifieddate < TO_TIMESTAMP('2026-03-01 01:00:00', 'YYYY-MM-DD HH24:MI:SS')", query,
            StringComparison.Ordinal);
        Assert.Contains("(lastmodifieddate > TO_TIMESTAMP('2026-03-01 00:05:00', 'YYYY-MM-DD HH24:MI:SS') OR "
            + "(lastmodifieddate = TO_TIMESTAMP('2026-03-01 00:05:00', 'YYYY-MM-DD HH24:MI:SS') AND id > 20042))",
            query, StringComparison.Ordinal);
        Assert.EndsWith("ORDER BY lastmodifieddate, id", query, StringComparison.Ordinal);
    }

    [Fact]
    public void KeysetCursor_RoundTrip_KeepsWindowAndPosition()
    {
        var cursor = new KeysetCursor(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000),
            DateTimeOffset.FromUnixTimeSeconds(1_700_003_600), DateTimeOffset.FromUnixTimeSeconds(1_700_000_100), 77);

        Assert.Equal(cursor, KeysetCursor.TryDecode(cursor.Encode()));
        Assert.Null(KeysetCursor.TryDecode("not-a-cursor"));
    }

    [Fact]
    public void ItemQuery_Skus_QuotedInOneInList()
    {
        var query = SuiteQlItemResolver.BuildQuery(["NWTB-1", "O'B"]);

        Assert.Equal("SELECT id, itemid FROM item WHERE itemid IN ('NWTB-1', 'O''B')", query);
    }
}
