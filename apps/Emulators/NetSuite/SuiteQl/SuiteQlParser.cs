using System.Globalization;

namespace DaprSync.NetSuiteEmulator.SuiteQl;

/// <summary>
/// A recursive-descent parser for the SuiteQL subset that DaprSync sends: one <c>SELECT</c> from one table with
/// <c>WHERE</c> (comparisons, <c>IN</c>, <c>IS NULL</c>, <c>AND</c>, <c>OR</c>, <c>NOT</c>, function calls) and
/// <c>ORDER BY</c>. Joins, grouping and subqueries are rejected with a parse error.
/// </summary>
internal sealed class SuiteQlParser
{
    private readonly List<Token> _tokens;
    private int _position;

    private SuiteQlParser(List<Token> tokens) => _tokens = tokens;

    public static SelectStatement Parse(string query)
    {
        var parser = new SuiteQlParser(SuiteQlLexer.Tokenize(query));
        var statement = parser.ParseSelect();
        parser.Expect(TokenKind.End, "");
        return statement;
    }

    private Token Current => _tokens[_position];

    private SelectStatement ParseSelect()
    {
        ExpectKeyword("select");
        var columns = new List<SelectItem>();
        if (!TrySymbol("*"))
        {
            do
            {
                columns.Add(ParseSelectItem(columns.Count));
            }
            while (TrySymbol(","));
        }

        ExpectKeyword("from");
        var table = Expect(TokenKind.Identifier, "a table name").Text;

        SqlExpression? where = null;
        if (TryKeyword("where"))
        {
            where = ParseOr();
        }

        var orderBy = new List<OrderItem>();
        if (TryKeyword("order"))
        {
            ExpectKeyword("by");
            do
            {
                var expression = ParseOr();
                var descending = TryKeyword("desc");
                if (!descending)
                {
                    TryKeyword("asc");
                }

                orderBy.Add(new OrderItem(expression, descending));
            }
            while (TrySymbol(","));
        }

        return new SelectStatement(columns, table, where, orderBy);
    }

    private SelectItem ParseSelectItem(int index)
    {
        var expression = ParseOr();
        if (TryKeyword("as") || Current.Kind == TokenKind.Identifier)
        {
            return new SelectItem(expression, Expect(TokenKind.Identifier, "a column alias").Text);
        }

        // NOTE: NetSuite names an unaliased expression column expr1, expr2, ... and the emulator does the same.
        var name = expression is ColumnExpression column
            ? column.Name[(column.Name.LastIndexOf('.') + 1)..]
            : "expr" + (index + 1).ToString(CultureInfo.InvariantCulture);
        return new SelectItem(expression, name);
    }

    private SqlExpression ParseOr()
    {
        var left = ParseAnd();
        while (TryKeyword("or"))
        {
            left = new OrExpression(left, ParseAnd());
        }

        return left;
    }

    private SqlExpression ParseAnd()
    {
        var left = ParseNot();
        while (TryKeyword("and"))
        {
            left = new AndExpression(left, ParseNot());
        }

        return left;
    }

    private SqlExpression ParseNot() => TryKeyword("not") ? new NotExpression(ParseNot()) : ParsePredicate();

    private SqlExpression ParsePredicate()
    {
        var left = ParsePrimary();
        if (Current is { Kind: TokenKind.Symbol, Text: "=" or "<>" or "<" or ">" or "<=" or ">=" })
        {
            var op = Current.Text;
            _position++;
            return new ComparisonExpression(op, left, ParsePrimary());
        }

        if (TryKeyword("is"))
        {
            var negated = TryKeyword("not");
            ExpectKeyword("null");
            return new IsNullExpression(left, negated);
        }

        var notIn = Current.Text == "not" && _tokens[_position + 1].Text == "in";
        if (notIn)
        {
            _position++;
        }

        if (TryKeyword("in"))
        {
            ExpectSymbol("(");
            var candidates = new List<SqlExpression>();
            do
            {
                candidates.Add(ParsePrimary());
            }
            while (TrySymbol(","));

            ExpectSymbol(")");
            return new InExpression(left, candidates, notIn);
        }

        return left;
    }

    private SqlExpression ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.String:
                _position++;
                return new LiteralExpression(SqlValue.Text(token.Text));
            case TokenKind.Number:
                _position++;
                return new LiteralExpression(SqlValue.Number(decimal.Parse(token.Text, CultureInfo.InvariantCulture)));
            case TokenKind.Keyword when token.Text == "null":
                _position++;
                return new LiteralExpression(SqlValue.Null);
            case TokenKind.Identifier:
                _position++;
                return TrySymbol("(") ? ParseCall(token.Text) : new ColumnExpression(token.Text);
            case TokenKind.Symbol when token.Text == "(":
                _position++;
                var inner = ParseOr();
                ExpectSymbol(")");
                return inner;
            default:
                throw Unexpected("an expression");
        }
    }

    private FunctionExpression ParseCall(string name)
    {
        var arguments = new List<SqlExpression>();
        if (!TrySymbol(")"))
        {
            do
            {
                arguments.Add(ParseOr());
            }
            while (TrySymbol(","));

            ExpectSymbol(")");
        }

        return new FunctionExpression(name, arguments);
    }

    private bool TryKeyword(string keyword)
    {
        if (Current.Kind != TokenKind.Keyword || Current.Text != keyword)
        {
            return false;
        }

        _position++;
        return true;
    }

    private bool TrySymbol(string symbol)
    {
        if (Current.Kind != TokenKind.Symbol || Current.Text != symbol)
        {
            return false;
        }

        _position++;
        return true;
    }

    private void ExpectKeyword(string keyword)
    {
        if (!TryKeyword(keyword))
        {
            throw Unexpected(keyword.ToUpperInvariant());
        }
    }

    private void ExpectSymbol(string symbol)
    {
        if (!TrySymbol(symbol))
        {
            throw Unexpected($"'{symbol}'");
        }
    }

    private Token Expect(TokenKind kind, string description)
    {
        if (Current.Kind != kind)
        {
            throw Unexpected(description.Length == 0 ? "the end of the query" : description);
        }

        return _tokens[_position++];
    }

    private SuiteQlException Unexpected(string expected)
    {
        var found = Current.Kind == TokenKind.End ? "the end of the query" : $"'{Current.Text}'";
        return new SuiteQlException(
            $"Invalid search query. Expected {expected} at position {Current.Position} but found {found}.");
    }
}
