namespace DaprSync.NetSuiteEmulator.SuiteQl;

/// <summary>An expression of the SuiteQL subset the emulator runs.</summary>
internal abstract record SqlExpression;

internal sealed record LiteralExpression(SqlValue Value) : SqlExpression;

internal sealed record ColumnExpression(string Name) : SqlExpression;

internal sealed record FunctionExpression(string Name, IReadOnlyList<SqlExpression> Arguments) : SqlExpression;

/// <summary>A comparison: <c>=</c>, <c>&lt;&gt;</c>, <c>&lt;</c>, <c>&gt;</c>, <c>&lt;=</c> or <c>&gt;=</c>.</summary>
internal sealed record ComparisonExpression(string Operator, SqlExpression Left, SqlExpression Right) : SqlExpression;

internal sealed record InExpression(SqlExpression Value, IReadOnlyList<SqlExpression> Candidates, bool Negated)
    : SqlExpression;

internal sealed record IsNullExpression(SqlExpression Value, bool Negated) : SqlExpression;

internal sealed record AndExpression(SqlExpression Left, SqlExpression Right) : SqlExpression;

internal sealed record OrExpression(SqlExpression Left, SqlExpression Right) : SqlExpression;

internal sealed record NotExpression(SqlExpression Operand) : SqlExpression;

/// <summary>One column of the select list; <see cref="Name"/> is the key of the value in each result item.</summary>
internal sealed record SelectItem(SqlExpression Expression, string Name);

internal sealed record OrderItem(SqlExpression Expression, bool Descending);

/// <summary>A parsed <c>SELECT</c>; an empty <see cref="Columns"/> list means <c>SELECT *</c>.</summary>
internal sealed record SelectStatement(
    IReadOnlyList<SelectItem> Columns,
    string Table,
    SqlExpression? Where,
    IReadOnlyList<OrderItem> OrderBy);
