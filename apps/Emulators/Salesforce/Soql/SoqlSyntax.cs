namespace DaprSync.SalesforceEmulator.Soql;

/// <summary>
/// A parsed query. <see cref="From"/> is an sObject name in a top-level query and a child relationship
/// name (such as <c>OrderItems</c>) in a subquery. <see cref="FromPosition"/> is its offset in the text.
/// </summary>
public sealed record SoqlQuery(
    IReadOnlyList<SoqlSelectItem> Select,
    string From,
    int FromPosition,
    SoqlCondition? Where,
    IReadOnlyList<SoqlOrdering> OrderBy,
    int? Limit,
    int? Offset);

/// <summary>One item of a SELECT list: a field path or a child subquery.</summary>
public abstract record SoqlSelectItem;

/// <summary>
/// A field or a relationship path such as <c>PricebookEntry.Product2.ProductCode</c>, split at the dots.
/// </summary>
public sealed record SoqlFieldPath(IReadOnlyList<string> Parts, int Position) : SoqlSelectItem
{
    public override string ToString() => string.Join('.', Parts);
}

public sealed record SoqlSubquery(SoqlQuery Query) : SoqlSelectItem;

/// <summary>One ORDER BY key. Nulls sort first in ascending order and last in descending order by default.</summary>
public sealed record SoqlOrdering(SoqlFieldPath Field, bool Descending, bool NullsFirst);

/// <summary>A WHERE condition.</summary>
public abstract record SoqlCondition;

public sealed record SoqlAnd(SoqlCondition Left, SoqlCondition Right) : SoqlCondition;

public sealed record SoqlOr(SoqlCondition Left, SoqlCondition Right) : SoqlCondition;

public sealed record SoqlNot(SoqlCondition Inner) : SoqlCondition;

/// <summary><c>field op value</c>, where the operator is one of = != &lt; &gt; &lt;= &gt;= LIKE.</summary>
public sealed record SoqlComparison(SoqlFieldPath Field, string Operator, SoqlLiteral Value) : SoqlCondition;

/// <summary><c>field IN (values)</c> or, when <see cref="Negated"/>, <c>field NOT IN (values)</c>.</summary>
public sealed record SoqlIn(SoqlFieldPath Field, bool Negated, IReadOnlyList<SoqlLiteral> Values) : SoqlCondition;

/// <summary>
/// A literal: null, a string, a number (decimal), a Boolean, a date (<see cref="DateOnly"/>) or a datetime
/// (<see cref="DateTimeOffset"/>). <see cref="LikePattern"/> is set for strings.
/// </summary>
public sealed record SoqlLiteral(object? Value, int Position, string? LikePattern = null);
