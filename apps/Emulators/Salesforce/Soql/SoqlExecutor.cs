using System.Text.Json.Nodes;
using DaprSync.SalesforceEmulator.Records;
using DaprSync.SalesforceEmulator.Rest;
using DaprSync.SalesforceEmulator.Rest.Query;
using DaprSync.SalesforceEmulator.Schema;

namespace DaprSync.SalesforceEmulator.Soql;

/// <summary>
/// Runs a parsed query against the emulated org and returns its rows in the REST API's JSON shape:
/// <c>attributes</c>, the selected fields, parent relationships as nested records (null when the lookup is
/// empty) and child subqueries as nested query results (null when there are no children).
/// </summary>
public sealed class SoqlExecutor(SalesforceRecords records)
{
    /// <summary>Maximum OFFSET that Salesforce accepts.</summary>
    public const int MaxOffset = 2000;

    /// <summary>Runs a top-level query, raising a <see cref="SoqlException"/> for a name not in the schema.</summary>
    public IReadOnlyList<JsonObject> Execute(SoqlQuery query, string version)
    {
        ArgumentNullException.ThrowIfNull(query);
        var type = SoqlFieldResolver.ResolveType(query.From, query.FromPosition);
        var plan = SoqlPlan.Create(type, query);
        return Run(plan, records.All(type.Name), version);
    }

    private List<JsonObject> Run(SoqlPlan plan, IEnumerable<SalesforceRecord> candidates, string version)
    {
        var matching = candidates.Where(record => plan.Where is null || Matches(plan.Where, record)).ToList();
        if (plan.OrderBy.Count > 0)
        {
            matching.Sort((left, right) => CompareRows(plan, left, right));
        }

        IEnumerable<SalesforceRecord> rows = matching.Skip(plan.Query.Offset ?? 0);
        if (plan.Query.Limit is { } limit)
        {
            rows = rows.Take(limit);
        }

        return rows.Select(record => Project(plan, record, version)).ToList();
    }

    private bool Matches(SoqlPlanCondition condition, SalesforceRecord record) => condition switch
    {
        SoqlPlanCondition.And and => Matches(and.Left, record) && Matches(and.Right, record),
        SoqlPlanCondition.Or or => Matches(or.Left, record) || Matches(or.Right, record),
        SoqlPlanCondition.Not not => !Matches(not.Inner, record),
        SoqlPlanCondition.Compare compare =>
            MatchesComparison(compare, SoqlValues.Read(records, record, compare.Field)),
        SoqlPlanCondition.In list => list.Values.Any(value => SoqlValues.AreEqual(
            SoqlValues.Read(records, record, list.Field), value)) != list.Negated,
        _ => throw new InvalidOperationException($"Unknown condition {condition.GetType().Name}."),
    };

    private static bool MatchesComparison(SoqlPlanCondition.Compare compare, object? value)
    {
        var literal = compare.Value;
        switch (compare.Operator)
        {
            case "=":
                return SoqlValues.AreEqual(value, literal);
            case "!=":
                return !SoqlValues.AreEqual(value, literal);
            case "LIKE":
                return SoqlValues.Like(value, compare.LikePattern ?? "");
        }

        if (value is null || literal is null)
        {
            return false;
        }

        var order = SoqlValues.Compare(value, literal);
        return compare.Operator switch
        {
            "<" => order < 0,
            ">" => order > 0,
            "<=" => order <= 0,
            _ => order >= 0,
        };
    }

    private int CompareRows(SoqlPlan plan, SalesforceRecord left, SalesforceRecord right)
    {
        foreach (var (field, ordering) in plan.OrderBy)
        {
            var a = SoqlValues.Read(records, left, field);
            var b = SoqlValues.Read(records, right, field);
            int order;
            if (a is null || b is null)
            {
                order = a is null && b is null ? 0 : (a is null) == ordering.NullsFirst ? -1 : 1;
            }
            else
            {
                order = SoqlValues.Compare(a, b) * (ordering.Descending ? -1 : 1);
            }

            if (order != 0)
            {
                return order;
            }
        }

        return string.CompareOrdinal(left.Id, right.Id);
    }

    private JsonObject Project(SoqlPlan plan, SalesforceRecord record, string version)
    {
        var row = RecordShell(record, version);
        foreach (var field in plan.Fields)
        {
            ProjectField(row, record, field, version);
        }

        foreach (var child in plan.Children)
        {
            var children = records.All(child.Relationship.ChildSObject)
                .Where(candidate => candidate.GetString(child.Relationship.Field) == record.Id);
            var childRows = Run(child.Plan, children, version);
            row[child.Relationship.Name] = childRows.Count == 0
                ? null
                : QueryResults.Page(childRows, childRows.Count, nextRecordsUrl: null);
        }

        return row;
    }

    private void ProjectField(JsonObject row, SalesforceRecord record, ResolvedField field, string version)
    {
        var target = row;
        var current = record;
        foreach (var hop in field.Hops)
        {
            var parentId = current.GetString(hop.Reference.Name);
            var parent = parentId is null ? null : records.Get(hop.Target.Name, parentId);
            if (parent is null)
            {
                target[hop.RelationshipName] = null;
                return;
            }

            if (target[hop.RelationshipName] is not JsonObject nested)
            {
                nested = RecordShell(parent, version);
                target[hop.RelationshipName] = nested;
            }

            target = nested;
            current = parent;
        }

        target[field.Field.Name] = SObjectJson.ToNode(current[field.Field.Name]);
    }

    private static JsonObject RecordShell(SalesforceRecord record, string version) => new()
    {
        ["attributes"] = new JsonObject
        {
            ["type"] = record.SObjectType,
            ["url"] = $"/services/data/{version}/sobjects/{record.SObjectType}/{record.Id}",
        },
    };
}
