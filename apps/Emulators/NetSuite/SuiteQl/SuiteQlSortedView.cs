namespace DaprSync.NetSuiteEmulator.SuiteQl;

/// <summary>
/// The rows of one table version sorted by plain ORDER BY columns, cached so that a keyset page binary-searches the
/// range its WHERE clause bounds on the first sort column instead of filtering and sorting every row.
/// </summary>
internal sealed class SuiteQlSortedView
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (long Version, string Signature, List<SqlRow> Rows)> _views =
        new(StringComparer.Ordinal);

    /// <summary>
    /// Returns the rows of <paramref name="version"/> sorted by <paramref name="orderBy"/>, sorting them only when
    /// this table, version and order are not cached yet. One view per table is kept.
    /// </summary>
    public List<SqlRow> Sorted(
        string table, long version, IReadOnlyList<SqlRow> rows, IReadOnlyList<OrderItem> orderBy, Comparison<SqlRow> compare)
    {
        var signature = string.Join(",", orderBy.Select(o => ((ColumnExpression)o.Expression).Name + (o.Descending ? " d" : "")));
        lock (_gate)
        {
            if (_views.TryGetValue(table, out var view) && view.Version == version && view.Signature == signature)
            {
                return view.Rows;
            }
        }

        var sorted = rows.ToList();
        sorted.Sort(compare);
        lock (_gate)
        {
            _views[table] = (version, signature, sorted);
        }

        return sorted;
    }

    /// <summary>
    /// Returns the index range [start, end) of <paramref name="sorted"/> outside which no row can satisfy
    /// <paramref name="where"/>, from the bounds it places on <paramref name="column"/>, the first ascending sort
    /// column. Rows inside the range still go through the full WHERE clause.
    /// </summary>
    /// <remarks>NOTE: a page still evaluates every row from its cursor to the window's end, because the response's
    /// <c>totalResults</c> counts them all, so a run costs O(n²/page) evaluations but no sort.</remarks>
    public static (int Start, int End) Range(
        List<SqlRow> sorted, string column, SqlExpression? where, Func<SqlExpression, SqlValue> evaluateConstant)
    {
        var start = 0;
        var end = sorted.Count;
        if (where is null)
        {
            return (start, end);
        }

        if (Bound(where, column, lower: true, evaluateConstant) is { } lower)
        {
            // The first row whose value is not below the bound; nulls sort last and never satisfy a bound.
            start = FirstIndex(sorted, column, row => row.IsNull || SqlValue.Compare(row, lower) >= 0);
        }

        if (Bound(where, column, lower: false, evaluateConstant) is { } upper)
        {
            end = FirstIndex(sorted, column, row => row.IsNull || SqlValue.Compare(row, upper) > 0);
        }

        return (start, Math.Max(start, end));
    }

    /// <summary>
    /// Returns an inclusive bound on <paramref name="column"/> that every row matching <paramref name="expression"/>
    /// satisfies, or null when the expression sets none. An AND takes the tighter bound of its sides, an OR the looser,
    /// and only when both sides have one.
    /// </summary>
    private static SqlValue? Bound(
        SqlExpression expression, string column, bool lower, Func<SqlExpression, SqlValue> evaluateConstant)
    {
        switch (expression)
        {
            case AndExpression and:
                var left = Bound(and.Left, column, lower, evaluateConstant);
                var right = Bound(and.Right, column, lower, evaluateConstant);
                if (left is null || right is null)
                {
                    return left ?? right;
                }

                return Tighter(left, right, lower);
            case OrExpression or:
                var first = Bound(or.Left, column, lower, evaluateConstant);
                var second = Bound(or.Right, column, lower, evaluateConstant);
                return first is null || second is null ? null : Tighter(first, second, !lower);
            case ComparisonExpression { Left: ColumnExpression name } comparison
                when Bare(name.Name) == column && IsConstant(comparison.Right):
                var applies = comparison.Operator switch
                {
                    "=" => true,
                    ">" or ">=" => lower,
                    "<" or "<=" => !lower,
                    _ => false,
                };
                var value = applies ? evaluateConstant(comparison.Right) : SqlValue.Null;
                return value.IsNull ? null : value;
            default:
                return null;
        }
    }

    /// <summary>Returns the tighter of two bounds, or null when they do not compare (for example text and a
    /// timestamp), because then neither can be trusted to cut rows.</summary>
    private static SqlValue? Tighter(SqlValue a, SqlValue b, bool lower) => SqlValue.Compare(a, b) switch
    {
        null => null,
        var order when lower => order >= 0 ? a : b,
        var order => order <= 0 ? a : b,
    };

    private static int FirstIndex(List<SqlRow> sorted, string column, Func<SqlValue, bool> reached)
    {
        var (low, high) = (0, sorted.Count);
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (reached(sorted[middle].Values.GetValueOrDefault(column, SqlValue.Null)))
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }

    private static bool IsConstant(SqlExpression expression) => expression switch
    {
        LiteralExpression => true,
        FunctionExpression call => call.Arguments.All(IsConstant),
        _ => false,
    };

    private static string Bare(string name) => name[(name.LastIndexOf('.') + 1)..];
}
