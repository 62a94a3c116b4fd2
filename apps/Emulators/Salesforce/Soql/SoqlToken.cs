namespace DaprSync.SalesforceEmulator.Soql;

public enum SoqlTokenKind
{
    Identifier,
    String,
    Number,
    Date,
    DateTime,
    Comma,
    Dot,
    OpenParen,
    CloseParen,
    Operator,
    End,
}

/// <summary>
/// One token of a query. <see cref="Text"/> is the source text, except for a string literal, whose
/// <see cref="Text"/> is the unescaped value and <see cref="LikePattern"/> the value with the escapes of
/// <c>%</c>, <c>_</c> and the backslash kept. <see cref="Position"/> is the offset of its first character.
/// </summary>
public sealed record SoqlToken(SoqlTokenKind Kind, string Text, int Position, string? LikePattern = null)
{
    /// <summary>Whether this token is <paramref name="keyword"/>. SOQL keywords are case-insensitive.</summary>
    public bool Is(string keyword) =>
        Kind == SoqlTokenKind.Identifier && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);
}
