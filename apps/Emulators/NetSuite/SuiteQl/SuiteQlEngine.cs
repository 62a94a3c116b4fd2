namespace DaprSync.NetSuiteEmulator.SuiteQl;

/// <summary>Runs a parsed statement over the emulator's tables and returns every matching row, in order.</summary>
internal sealed class SuiteQlEngine(IEnumerable<ISuiteQlTable> tables)
{
    private readonly Dictionary<string, ISuiteQlTable> _tables =
        tables.ToDictionary(table => table.Name, StringComparer.Ordinal);

    private static readonly SqlRow EmptyRow = new(new Dictionary<string, SqlValue>(StringComparer.Ordinal));

    private readonly SuiteQlSortedView _sortedViews = new();

    /// <summary>Returns the rows as name/value pairs in select-list order; a null value is left out of its row,
    /// as NetSuite leaves empty fields out of a result item.</summary>
    public IReadOnlyList<IReadOnlyList<KeyValuePair<string, string>>> Execute(string query)
    {
        var statement = SuiteQlParser.Parse(query);
        if (!_tables.TryGetValue(statement.Table, out var table))
        {
            throw new SuiteQlException(
                $"Invalid search query. Detailed unprocessed description follows. Search error occurred: "
                + $"Record '{statement.Table}' was not found.");
        }

        var columns = statement.Columns.Count > 0
            ? statement.Columns
            : [.. table.Columns.Select(name => new SelectItem(new ColumnExpression(name), name))];
        CheckColumns(table, columns.Select(c => c.Expression).Append(statement.Where), []);
        CheckColumns(table, statement.OrderBy.Select(o => o.Expression), columns);

        var orderBy = statement.OrderBy.Select(order => ResolveAlias(order, table, columns)).ToList();
        var (version, rows) = table.Snapshot();
        List<SqlRow> matching;
        if (version is { } current && orderBy.Count > 0 && orderBy.All(o => o.Expression is ColumnExpression))
        {
            matching = MatchSorted(table.Name, current, rows, orderBy, statement.Where);
        }
        else
        {
            matching = [.. rows.Where(row => statement.Where is null || IsTrue(Evaluate(statement.Where, row)))];
            if (orderBy.Count > 0)
            {
                matching.Sort((a, b) => CompareRows(a, b, orderBy));
            }
        }

        return [.. matching.Select(row => Project(row, columns))];
    }

    /// <summary>
    /// Filters the cached sorted view of a versioned table, inside the range that the WHERE clause bounds on the
    /// first sort column. Rows outside the range cannot match, so the result equals that of filtering and sorting every
    /// row, except for the order of rows that tie on every ORDER BY column, which neither path defines.
    /// </summary>
    private List<SqlRow> MatchSorted(
        string tableName, long version, IReadOnlyList<SqlRow> rows, List<OrderItem> orderBy, SqlExpression? where)
    {
        var sorted = _sortedViews.Sorted(tableName, version, rows, orderBy, (a, b) => CompareRows(a, b, orderBy));
        var (start, end) = (0, sorted.Count);
        if (!orderBy[0].Descending)
        {
            var first = ((ColumnExpression)orderBy[0].Expression).Name;
            (start, end) = SuiteQlSortedView.Range(
                sorted, first[(first.LastIndexOf('.') + 1)..], where, expression => Evaluate(expression, EmptyRow));
        }

        var matching = new List<SqlRow>();
        for (var i = start; i < end; i++)
        {
            if (where is null || IsTrue(Evaluate(where, sorted[i])))
            {
                matching.Add(sorted[i]);
            }
        }

        return matching;
    }

    private static List<KeyValuePair<string, string>> Project(SqlRow row, IReadOnlyList<SelectItem> columns)
    {
        var item = new List<KeyValuePair<string, string>>(columns.Count);
        foreach (var column in columns)
        {
            var text = Evaluate(column.Expression, row).ToWire();
            if (text is not null)
            {
                item.Add(new(column.Name, text));
            }
        }

        return item;
    }

    private static int CompareRows(
        SqlRow a, SqlRow b, IReadOnlyList<OrderItem> orderBy)
    {
        foreach (var order in orderBy)
        {
            var left = Evaluate(order.Expression, a);
            var right = Evaluate(order.Expression, b);

            // Oracle sorts nulls last in ascending order and first in descending order.
            var result = (left.IsNull, right.IsNull) switch
            {
                (true, true) => 0,
                (true, false) => 1,
                (false, true) => -1,
                _ => SqlValue.Compare(left, right)!.Value,
            };
            if (result != 0)
            {
                return order.Descending ? -result : result;
            }
        }

        return 0;
    }

    private static SqlValue Evaluate(SqlExpression expression, SqlRow row)
    {
        switch (expression)
        {
            case LiteralExpression literal:
                return literal.Value;
            case ColumnExpression column:
                return ReadColumn(column.Name, row);
            case FunctionExpression call:
                return SuiteQlFunctions.Call(call.Name, [.. call.Arguments.Select(a => Evaluate(a, row))]);
            case ComparisonExpression comparison:
                var order = SqlValue.Compare(
                    Evaluate(comparison.Left, row), Evaluate(comparison.Right, row));
                return Truth(order is null ? null : comparison.Operator switch
                {
                    "=" => order == 0,
                    "<>" => order != 0,
                    "<" => order < 0,
                    ">" => order > 0,
                    "<=" => order <= 0,
                    _ => order >= 0,
                });
            case InExpression inList:
                var value = Evaluate(inList.Value, row);
                var found = inList.Candidates.Any(c => SqlValue.Compare(value, Evaluate(c, row)) == 0);
                return Truth(value.IsNull ? null : found != inList.Negated);
            case IsNullExpression isNull:
                return Truth(Evaluate(isNull.Value, row).IsNull != isNull.Negated);
            case AndExpression and:
                return Truth(IsTrue(Evaluate(and.Left, row)) && IsTrue(Evaluate(and.Right, row)));
            case OrExpression or:
                return Truth(IsTrue(Evaluate(or.Left, row)) || IsTrue(Evaluate(or.Right, row)));
            case NotExpression not:
                var operand = Evaluate(not.Operand, row);
                return operand.IsNull ? SqlValue.Null : Truth(!IsTrue(operand));
            default:
                throw new SuiteQlException("Invalid search query. The expression is not supported.");
        }
    }

    private static SqlValue ReadColumn(string name, SqlRow row) =>
        row.Values.GetValueOrDefault(name[(name.LastIndexOf('.') + 1)..], SqlValue.Null);

    /// <summary>Replaces an ORDER BY name that is a select-list alias, not a table column, with the aliased
    /// expression.</summary>
    private static OrderItem ResolveAlias(OrderItem order, ISuiteQlTable table, IReadOnlyList<SelectItem> columns)
    {
        if (order.Expression is not ColumnExpression column || table.Columns.Contains(column.Name))
        {
            return order;
        }

        var alias = columns.FirstOrDefault(c => c.Name == column.Name);
        return alias is null ? order : order with { Expression = alias.Expression };
    }

    /// <summary>Rejects a column the table does not have; <paramref name="aliases"/> are names that may stand in for
    /// one, which SuiteQL allows only in ORDER BY.</summary>
    private static void CheckColumns(
        ISuiteQlTable table, IEnumerable<SqlExpression?> expressions, IReadOnlyList<SelectItem> aliases)
    {
        foreach (var name in expressions.SelectMany(ColumnNames))
        {
            var bare = name[(name.LastIndexOf('.') + 1)..];
            if (!table.Columns.Contains(bare) && aliases.All(c => c.Name != name))
            {
                throw new SuiteQlException(
                    "Invalid search query. Detailed unprocessed description follows. Search error occurred: "
                    + $"Field '{bare}' for record '{table.Name}' was not found. "
                    + "Reason: NOT_EXPOSED - Not available for channel SEARCH");
            }
        }
    }

    private static IEnumerable<string> ColumnNames(SqlExpression? expression) => expression switch
    {
        ColumnExpression column => [column.Name],
        FunctionExpression call => call.Arguments.SelectMany(ColumnNames),
        ComparisonExpression c => ColumnNames(c.Left).Concat(ColumnNames(c.Right)),
        InExpression i => ColumnNames(i.Value).Concat(i.Candidates.SelectMany(ColumnNames)),
        IsNullExpression n => ColumnNames(n.Value),
        AndExpression a => ColumnNames(a.Left).Concat(ColumnNames(a.Right)),
        OrExpression o => ColumnNames(o.Left).Concat(ColumnNames(o.Right)),
        NotExpression n => ColumnNames(n.Operand),
        _ => [],
    };

    private static bool IsTrue(SqlValue value) => value.Raw is true;

    private static SqlValue Truth(bool? value) => value is null ? SqlValue.Null : new SqlValue(value.Value);
}
