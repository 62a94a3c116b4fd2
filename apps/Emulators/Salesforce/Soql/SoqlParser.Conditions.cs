using System.Globalization;

namespace DaprSync.SalesforceEmulator.Soql;

// The WHERE grammar: OR binds loosest, then AND, then NOT, then a parenthesized condition or a predicate.
public sealed partial class SoqlParser
{
    private static readonly string[] ComparisonOperators = ["=", "!=", "<>", "<", ">", "<=", ">="];

    private SoqlCondition ParseOr()
    {
        var left = ParseAnd();
        while (AcceptKeyword("OR"))
        {
            left = new SoqlOr(left, ParseAnd());
        }

        return left;
    }

    private SoqlCondition ParseAnd()
    {
        var left = ParseUnary();
        while (AcceptKeyword("AND"))
        {
            left = new SoqlAnd(left, ParseUnary());
        }

        return left;
    }

    private SoqlCondition ParseUnary()
    {
        if (AcceptKeyword("NOT"))
        {
            return new SoqlNot(ParseUnary());
        }

        if (Current.Kind == SoqlTokenKind.OpenParen)
        {
            next++;
            var inner = ParseOr();
            Expect(SoqlTokenKind.CloseParen);
            return inner;
        }

        return ParsePredicate();
    }

    private SoqlCondition ParsePredicate()
    {
        var field = ParseFieldPath();
        if (AcceptKeyword("IN"))
        {
            return new SoqlIn(field, Negated: false, ParseLiteralList());
        }

        if (AcceptKeyword("NOT"))
        {
            ExpectKeyword("IN");
            return new SoqlIn(field, Negated: true, ParseLiteralList());
        }

        if (AcceptKeyword("LIKE"))
        {
            return new SoqlComparison(field, "LIKE", ParseLiteral());
        }

        var operatorToken = Current;
        if (operatorToken.Kind != SoqlTokenKind.Operator || !ComparisonOperators.Contains(operatorToken.Text))
        {
            throw Unexpected(operatorToken);
        }

        next++;
        var op = operatorToken.Text == "<>" ? "!=" : operatorToken.Text;
        return new SoqlComparison(field, op, ParseLiteral());
    }

    private List<SoqlLiteral> ParseLiteralList()
    {
        Expect(SoqlTokenKind.OpenParen);
        var values = new List<SoqlLiteral> { ParseLiteral() };
        while (Current.Kind == SoqlTokenKind.Comma)
        {
            next++;
            values.Add(ParseLiteral());
        }

        Expect(SoqlTokenKind.CloseParen);
        return values;
    }

    private SoqlLiteral ParseLiteral()
    {
        var token = Current;
        next++;
        return token.Kind switch
        {
            SoqlTokenKind.String => new SoqlLiteral(token.Text, token.Position, token.LikePattern),
            SoqlTokenKind.Number => new SoqlLiteral(
                decimal.Parse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture), token.Position),
            SoqlTokenKind.Date => new SoqlLiteral(ParseDate(token), token.Position),
            SoqlTokenKind.DateTime => new SoqlLiteral(ParseDateTime(token), token.Position),
            SoqlTokenKind.Identifier when token.Is("NULL") => new SoqlLiteral(null, token.Position),
            SoqlTokenKind.Identifier when token.Is("TRUE") => new SoqlLiteral(true, token.Position),
            SoqlTokenKind.Identifier when token.Is("FALSE") => new SoqlLiteral(false, token.Position),
            _ => throw Unexpected(token),
        };
    }

    private static DateOnly ParseDate(SoqlToken token) =>
        DateOnly.TryParseExact(token.Text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new SoqlException("MALFORMED_QUERY", $"unexpected token: {token.Text}", token.Position);

    private static DateTimeOffset ParseDateTime(SoqlToken token)
    {
        var styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        return DateTimeOffset.TryParse(token.Text, CultureInfo.InvariantCulture, styles, out var instant)
            ? instant
            : throw new SoqlException("MALFORMED_QUERY", $"unexpected token: {token.Text}", token.Position);
    }
}
