using System.Text;

namespace DaprSync.NetSuiteEmulator.SuiteQl;

internal enum TokenKind
{
    Identifier,
    Keyword,
    String,
    Number,
    Symbol,
    End,
}

/// <summary>One token; keywords and identifiers are stored in lower case because SuiteQL ignores their case.</summary>
internal sealed record Token(TokenKind Kind, string Text, int Position);

/// <summary>Splits a SuiteQL statement into tokens.</summary>
internal static class SuiteQlLexer
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "select", "from", "where", "and", "or", "not", "in", "order", "by", "asc", "desc", "as", "is", "null",
    };

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '.'))
                {
                    i++;
                }

                var word = text[start..i].ToLowerInvariant();
                tokens.Add(new Token(Keywords.Contains(word) ? TokenKind.Keyword : TokenKind.Identifier, word, start));
            }
            else if (char.IsAsciiDigit(c))
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Number, text[start..i], start));
            }
            else if (c == '\'')
            {
                i = ReadString(text, i, tokens);
            }
            else
            {
                i = ReadSymbol(text, i, tokens);
            }
        }

        tokens.Add(new Token(TokenKind.End, "", text.Length));
        return tokens;
    }

    /// <summary>Reads a quoted literal, in which two quotes stand for one.</summary>
    private static int ReadString(string text, int start, List<Token> tokens)
    {
        var value = new StringBuilder();
        var i = start + 1;
        while (true)
        {
            if (i >= text.Length)
            {
                throw new SuiteQlException(
                    $"Invalid search query. The string literal at position {start} is not closed.");
            }

            if (text[i] == '\'')
            {
                if (i + 1 < text.Length && text[i + 1] == '\'')
                {
                    value.Append('\'');
                    i += 2;
                    continue;
                }

                tokens.Add(new Token(TokenKind.String, value.ToString(), start));
                return i + 1;
            }

            value.Append(text[i]);
            i++;
        }
    }

    private static int ReadSymbol(string text, int start, List<Token> tokens)
    {
        var pair = start + 1 < text.Length ? text.Substring(start, 2) : "";
        if (pair is "<>" or "!=" or "<=" or ">=")
        {
            tokens.Add(new Token(TokenKind.Symbol, pair == "!=" ? "<>" : pair, start));
            return start + 2;
        }

        var c = text[start];
        if (c is '=' or '<' or '>' or '(' or ')' or ',' or '*')
        {
            tokens.Add(new Token(TokenKind.Symbol, c.ToString(), start));
            return start + 1;
        }

        throw new SuiteQlException($"Invalid search query. Unexpected character '{c}' at position {start}.");
    }
}
