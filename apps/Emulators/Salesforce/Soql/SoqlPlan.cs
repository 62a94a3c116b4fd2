using DaprSync.SalesforceEmulator.Schema;

namespace DaprSync.SalesforceEmulator.Soql;

/// <summary>A WHERE condition whose field paths are resolved and whose literals are checked.</summary>
internal abstract record SoqlPlanCondition
{
    public sealed record And(SoqlPlanCondition Left, SoqlPlanCondition Right) : SoqlPlanCondition;

    public sealed record Or(SoqlPlanCondition Left, SoqlPlanCondition Right) : SoqlPlanCondition;

    public sealed record Not(SoqlPlanCondition Inner) : SoqlPlanCondition;

    public sealed record Compare(ResolvedField Field, string Operator, object? Value, string? LikePattern)
        : SoqlPlanCondition;

    public sealed record In(ResolvedField Field, bool Negated, IReadOnlyList<object?> Values) : SoqlPlanCondition;
}

internal sealed record SoqlChildPlan(ChildRelationship Relationship, SoqlPlan Plan);

/// <summary>A query checked against the schema, ready to run on records of <see cref="Type"/>.</summary>
internal sealed record SoqlPlan(
    SoqlQuery Query,
    SObjectType Type,
    IReadOnlyList<ResolvedField> Fields,
    IReadOnlyList<SoqlChildPlan> Children,
    SoqlPlanCondition? Where,
    IReadOnlyList<(ResolvedField Field, SoqlOrdering Ordering)> OrderBy)
{
    /// <summary>Resolves every name of <paramref name="query"/> on <paramref name="type"/>.</summary>
    public static SoqlPlan Create(SObjectType type, SoqlQuery query, bool isSubquery = false)
    {
        var fields = new List<ResolvedField>();
        var children = new List<SoqlChildPlan>();
        foreach (var item in query.Select)
        {
            switch (item)
            {
                case SoqlFieldPath path:
                    fields.Add(SoqlFieldResolver.Resolve(type, path));
                    break;
                case SoqlSubquery { Query: var subquery } when isSubquery:
                    throw new SoqlException(
                        "MALFORMED_QUERY", "Nesting of semi join sub-selects is not supported", subquery.FromPosition);
                case SoqlSubquery { Query: var subquery }:
                    var relationship = SoqlFieldResolver.ResolveChild(type, subquery.From, subquery.FromPosition);
                    var childType = SalesforceSchema.Find(relationship.ChildSObject)!;
                    children.Add(new SoqlChildPlan(relationship, Create(childType, subquery, isSubquery: true)));
                    break;
            }
        }

        if (query.Offset is > SoqlExecutor.MaxOffset)
        {
            throw new SoqlException(
                "NUMBER_OUTSIDE_VALID_RANGE", $"Maximum SOQL offset allowed is {SoqlExecutor.MaxOffset}");
        }

        var where = query.Where is null ? null : Resolve(type, query.Where);
        var orderBy = query.OrderBy
            .Select(ordering => (SoqlFieldResolver.Resolve(type, ordering.Field), ordering))
            .ToList();
        return new SoqlPlan(query, type, fields, children, where, orderBy);
    }

    private static SoqlPlanCondition Resolve(SObjectType type, SoqlCondition condition) => condition switch
    {
        SoqlAnd and => new SoqlPlanCondition.And(Resolve(type, and.Left), Resolve(type, and.Right)),
        SoqlOr or => new SoqlPlanCondition.Or(Resolve(type, or.Left), Resolve(type, or.Right)),
        SoqlNot not => new SoqlPlanCondition.Not(Resolve(type, not.Inner)),
        SoqlComparison comparison => ResolveComparison(type, comparison),
        SoqlIn list => ResolveIn(type, list),
        _ => throw new InvalidOperationException($"Unknown condition {condition.GetType().Name}."),
    };

    private static SoqlPlanCondition.Compare ResolveComparison(SObjectType type, SoqlComparison comparison)
    {
        var field = SoqlFieldResolver.Resolve(type, comparison.Field);
        SoqlFieldResolver.CheckLiteral(field, comparison.Value);
        if (comparison.Operator == "LIKE" && comparison.Value.Value is not string)
        {
            throw new SoqlException(
                "INVALID_FIELD", "LIKE requires a string pattern enclosed in quotes", comparison.Value.Position);
        }

        var value = SoqlValues.Normalize(field, comparison.Value.Value);
        return new SoqlPlanCondition.Compare(field, comparison.Operator, value, comparison.Value.LikePattern);
    }

    private static SoqlPlanCondition.In ResolveIn(SObjectType type, SoqlIn list)
    {
        var field = SoqlFieldResolver.Resolve(type, list.Field);
        foreach (var literal in list.Values)
        {
            SoqlFieldResolver.CheckLiteral(field, literal);
        }

        var values = list.Values.Select(literal => SoqlValues.Normalize(field, literal.Value)).ToList();
        return new SoqlPlanCondition.In(field, list.Negated, values);
    }
}
