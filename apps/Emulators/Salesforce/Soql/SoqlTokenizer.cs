using System.Text;
using System.Text.RegularExpressions;

namespace DaprSync.SalesforceEmulator.Soql;

/// <summary>Splits a SOQL query into tokens, unescaping string literals as Salesforce does.</summary>
public static partial class SoqlTokenizer
{
    public static IReadOnlyList<SoqlToken> Tokenize(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var tokens = new List<SoqlToken>();
        var i = 0;
        while (i < query.Length)
        {
            var character = query[i];
            if (char.IsWhiteSpace(character))
            {
                i++;
                continue;
            }

            var start = i;
            if (character == '\'')
            {
                tokens.Add(ReadString(query, ref i));
            }
            else if (char.IsDigit(character) || (character is '-' or '+' && NextIsDigit(query, i)))
            {
                tokens.Add(ReadNumberOrDate(query, ref i));
            }
            else if (char.IsLetter(character) || character == '_')
            {
                while (i < query.Length && (char.IsLetterOrDigit(query[i]) || query[i] is '_' or ':'))
                {
                    i++;
                }

                tokens.Add(new SoqlToken(SoqlTokenKind.Identifier, query[start..i], start));
            }
            else
            {
                tokens.Add(ReadPunctuation(query, ref i));
            }
        }

        tokens.Add(new SoqlToken(SoqlTokenKind.End, "", query.Length));
        return tokens;
    }

    private static bool NextIsDigit(string query, int i) => i + 1 < query.Length && char.IsDigit(query[i + 1]);

    private static SoqlToken ReadPunctuation(string query, ref int i)
    {
        var start = i;
        var character = query[i];
        var kind = character switch
        {
            ',' => SoqlTokenKind.Comma,
            '.' => SoqlTokenKind.Dot,
            '(' => SoqlTokenKind.OpenParen,
            ')' => SoqlTokenKind.CloseParen,
            '=' or '<' or '>' or '!' => SoqlTokenKind.Operator,
            _ => throw new SoqlException("MALFORMED_QUERY", $"unexpected token: '{character}'", start),
        };
        i++;
        var isTwoCharacterOperator = i < query.Length && (query[i] == '=' || (character == '<' && query[i] == '>'));
        if (kind == SoqlTokenKind.Operator && isTwoCharacterOperator)
        {
            i++;
        }

        var text = query[start..i];
        if (text == "!")
        {
            throw new SoqlException("MALFORMED_QUERY", "unexpected token: '!'", start);
        }

        return new SoqlToken(kind, text, start);
    }

    // A literal such as 2026-01-31 is a date and 2026-01-31T10:00:00Z a datetime. Both start like a number.
    private static SoqlToken ReadNumberOrDate(string query, ref int i)
    {
        var start = i;
        var dateTime = DateTimePattern().Match(query, i);
        if (dateTime.Success)
        {
            i += dateTime.Length;
            return new SoqlToken(SoqlTokenKind.DateTime, dateTime.Value, start);
        }

        var date = DatePattern().Match(query, i);
        if (date.Success)
        {
            i += date.Length;
            return new SoqlToken(SoqlTokenKind.Date, date.Value, start);
        }

        var number = NumberPattern().Match(query, i);
        i += number.Length;
        return new SoqlToken(SoqlTokenKind.Number, number.Value, start);
    }

    [GeneratedRegex(@"\G\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})",
        RegexOptions.CultureInvariant)]
    private static partial Regex DateTimePattern();

    [GeneratedRegex(@"\G\d{4}-\d{2}-\d{2}(?![\w:])", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"\G[+-]?\d+(\.\d+)?", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    private static SoqlToken ReadString(string query, ref int i)
    {
        var start = i;
        var value = new StringBuilder();
        var likePattern = new StringBuilder();
        i++;
        while (i < query.Length)
        {
            var character = query[i];
            if (character == '\'')
            {
                i++;
                return new SoqlToken(SoqlTokenKind.String, value.ToString(), start, likePattern.ToString());
            }

            if (character == '\\' && i + 1 < query.Length)
            {
                var escaped = query[i + 1];
                value.Append(Unescape(escaped, i));

                // LIKE keeps the escape of its wildcards (and of the backslash) so that \% matches a literal %.
                likePattern.Append(escaped is '%' or '_' or '\\' ? query.AsSpan(i, 2) : Unescape(escaped, i));
                i += 2;
                continue;
            }

            value.Append(character);
            likePattern.Append(character);
            i++;
        }

        throw new SoqlException("MALFORMED_QUERY", "unterminated string literal", start);
    }

    private static string Unescape(char escaped, int position) => escaped switch
    {
        'n' => "\n",
        'r' => "\r",
        't' => "\t",
        'b' => "\b",
        'f' => "\f",
        '"' => "\"",
        '\'' => "'",
        '\\' => "\\",
        '%' => "%",
        '_' => "_",
        var other => throw new SoqlException(
            "MALFORMED_QUERY",
            $"Invalid string literal. Illegal character sequence '\\{other}' in string literal.",
            position),
    };
}
