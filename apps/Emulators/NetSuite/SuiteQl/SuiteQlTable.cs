namespace DaprSync.NetSuiteEmulator.SuiteQl;

/// <summary>One row of a SuiteQL table: column name (lower case) to value.</summary>
internal sealed class SqlRow(IReadOnlyDictionary<string, SqlValue> values)
{
    public IReadOnlyDictionary<string, SqlValue> Values { get; } = values;
}

/// <summary>A table that SuiteQL can select from, such as <c>transaction</c> or <c>item</c>.</summary>
internal interface ISuiteQlTable
{
    string Name { get; }

    /// <summary>The columns in the order that <c>SELECT *</c> returns them.</summary>
    IReadOnlyList<string> Columns { get; }

    /// <summary>A snapshot of the rows, taken when the query starts.</summary>
    IReadOnlyList<SqlRow> Rows();

    /// <summary>
    /// Returns the rows with a version that changes whenever they do, so the engine can cache their sorted order.
    /// A null version means the table is not versioned and the engine sorts its rows for every query.
    /// </summary>
    (long? Version, IReadOnlyList<SqlRow> Rows) Snapshot() => (null, Rows());
}
