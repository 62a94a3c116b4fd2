using System.Globalization;

namespace DaprSync.SalesforceEmulator.Soql;

/// <summary>
/// Recursive descent parser of the SOQL subset DaprSync uses: field lists with relationship paths and
/// child subqueries, WHERE with comparisons, IN, LIKE, AND, OR, NOT and parentheses, ORDER BY, LIMIT and
/// OFFSET. Aggregates, GROUP BY, date functions and relative date literals such as TODAY are not parsed.
/// </summary>
public sealed partial class SoqlParser
{
    private readonly IReadOnlyList<SoqlToken> tokens;
    private int next;

    private SoqlParser(string query)
    {
        tokens = SoqlTokenizer.Tokenize(query);
    }

    /// <summary>Parses <paramref name="query"/>, throwing a <see cref="SoqlException"/> when it is malformed.</summary>
    public static SoqlQuery Parse(string query)
    {
        var parser = new SoqlParser(query);
        var parsed = parser.ParseQuery();
        parser.Expect(SoqlTokenKind.End);
        return parsed;
    }

    private SoqlToken Current => tokens[next];

    private SoqlQuery ParseQuery()
    {
        ExpectKeyword("SELECT");
        var select = new List<SoqlSelectItem> { ParseSelectItem() };
        while (Current.Kind == SoqlTokenKind.Comma)
        {
            next++;
            select.Add(ParseSelectItem());
        }

        ExpectKeyword("FROM");
        var from = Expect(SoqlTokenKind.Identifier);
        SoqlCondition? where = null;
        if (AcceptKeyword("WHERE"))
        {
            where = ParseOr();
        }

        var orderBy = new List<SoqlOrdering>();
        if (AcceptKeyword("ORDER"))
        {
            ExpectKeyword("BY");
            orderBy.Add(ParseOrdering());
            while (Current.Kind == SoqlTokenKind.Comma)
            {
                next++;
                orderBy.Add(ParseOrdering());
            }
        }

        int? limit = AcceptKeyword("LIMIT") ? ParseCount() : null;
        int? offset = AcceptKeyword("OFFSET") ? ParseCount() : null;
        return new SoqlQuery(select, from.Text, from.Position, where, orderBy, limit, offset);
    }

    private SoqlSelectItem ParseSelectItem()
    {
        if (Current.Kind != SoqlTokenKind.OpenParen)
        {
            return ParseFieldPath();
        }

        next++;
        var subquery = ParseQuery();
        Expect(SoqlTokenKind.CloseParen);
        return new SoqlSubquery(subquery);
    }

    private SoqlFieldPath ParseFieldPath()
    {
        var first = Expect(SoqlTokenKind.Identifier);
        if (IsReserved(first.Text))
        {
            throw Unexpected(first);
        }

        var parts = new List<string> { first.Text };
        while (Current.Kind == SoqlTokenKind.Dot)
        {
            next++;
            parts.Add(Expect(SoqlTokenKind.Identifier).Text);
        }

        return new SoqlFieldPath(parts, first.Position);
    }

    private SoqlOrdering ParseOrdering()
    {
        var field = ParseFieldPath();
        var descending = AcceptKeyword("DESC");
        if (!descending)
        {
            AcceptKeyword("ASC");
        }

        var nullsFirst = !descending;
        if (AcceptKeyword("NULLS"))
        {
            nullsFirst = AcceptKeyword("FIRST");
            if (!nullsFirst)
            {
                ExpectKeyword("LAST");
            }
        }

        return new SoqlOrdering(field, descending, nullsFirst);
    }

    private int ParseCount()
    {
        var token = Expect(SoqlTokenKind.Number);
        if (!int.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            throw new SoqlException("MALFORMED_QUERY", $"unexpected token: {token.Text}", token.Position);
        }

        return count;
    }

    private SoqlToken Expect(SoqlTokenKind kind)
    {
        var token = Current;
        if (token.Kind != kind)
        {
            throw Unexpected(token);
        }

        next++;
        return token;
    }

    private void ExpectKeyword(string keyword)
    {
        if (!AcceptKeyword(keyword))
        {
            throw Unexpected(Current);
        }
    }

    private bool AcceptKeyword(string keyword)
    {
        if (!Current.Is(keyword))
        {
            return false;
        }

        next++;
        return true;
    }

    private static bool IsReserved(string word) =>
        word.ToUpperInvariant() is "FROM" or "WHERE" or "ORDER" or "LIMIT" or "OFFSET" or "AND" or "OR" or "NOT"
            or "SELECT";

    private static SoqlException Unexpected(SoqlToken token) => token.Kind == SoqlTokenKind.End
        ? new SoqlException("MALFORMED_QUERY", "unexpected token: <EOF>", token.Position)
        : new SoqlException("MALFORMED_QUERY", $"unexpected token: {token.Text}", token.Position);
}
