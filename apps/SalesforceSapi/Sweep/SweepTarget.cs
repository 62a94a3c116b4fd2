using System.Globalization;
using System.Text.Json.Nodes;
using DaprSync.Contracts;
using DaprSync.Contracts.Events;
using DaprSync.Runtime;
using DaprSync.SalesforceSapi.PubSub;
using DaprSync.SalesforceSapi.Rest;

namespace DaprSync.SalesforceSapi.Sweep;

/// <summary>
/// One sObject the sweep covers: its Platform Event topic, the queries that find its changed records and the
/// bus event it publishes for each, the same one its trigger's event becomes.
/// </summary>
internal sealed class SweepTarget
{
    public static readonly SweepTarget Account = new(
        "Account",
        AccountsEventHandler.Topic,
        "NetSuite_Id__c",
        "SELECT Id, CreatedDate, LastModifiedDate FROM Account");

    public static readonly SweepTarget Order = new(
        "Order", CreateNsOrderEventHandler.Topic, "NetSuite_Order_Id__c", "SELECT Id, LastModifiedDate FROM Order");

    public static readonly IReadOnlyList<SweepTarget> All = [Account, Order];

    private const string Ordering = " ORDER BY LastModifiedDate, Id";

    private readonly string _select;

    private SweepTarget(string sObjectType, string platformEventTopic, string netSuiteIdField, string select)
    {
        SObjectType = sObjectType;
        PlatformEventTopic = platformEventTopic;
        NetSuiteIdField = netSuiteIdField;
        _select = select;
    }

    public string SObjectType { get; }

    /// <summary>Pub/Sub API topic whose missed events this sweep makes up for.</summary>
    public string PlatformEventTopic { get; }

    public string NetSuiteIdField { get; }

    public static SweepTarget? Find(string sObjectType) => All.FirstOrDefault(
        target => string.Equals(target.SObjectType, sObjectType, StringComparison.OrdinalIgnoreCase));

    public static SweepTarget? ForTopic(string topicName) =>
        All.FirstOrDefault(target => target.PlatformEventTopic == topicName);

    /// <summary>
    /// Returns the query of records changed since <paramref name="since"/> by anyone but
    /// <paramref name="integrationUserId"/> (whose writebacks the triggers skip), or never synced. A null
    /// bound or user drops that condition. Orders must also have the queued status.
    /// </summary>
    public string CatchUpQuery(DateTimeOffset? since, string? integrationUserId, string queuedStatus)
    {
        var changed = new List<string>();
        if (since is { } from)
        {
            changed.Add($"LastModifiedDate >= {Soql.Literal(from)}");
        }

        if (integrationUserId is not null)
        {
            changed.Add($"LastModifiedById != {Soql.Quote(integrationUserId)}");
        }

        var changedOrNew = changed.Count == 0
            ? null
            : $"({string.Join(" AND ", changed)}) OR {NetSuiteIdField} = null";
        return Where(changedOrNew, queuedStatus);
    }

    /// <summary>Returns the go-live query: every Account, or every queued Order without a NetSuite order id.</summary>
    public string BackfillQuery(string queuedStatus) =>
        this == Account ? _select + Ordering : Where($"{NetSuiteIdField} = null", queuedStatus);

    /// <summary>
    /// Publishes the bus event of one row. Its id is stable per record and modification, so the
    /// orchestrator drops the event of a repeated sweep as a duplicate.
    /// </summary>
    public async Task PublishAsync(IEventPublisher publisher, JsonObject row, CancellationToken cancellationToken)
    {
        var id = row["Id"]!.GetValue<string>();
        var lastModified = DateOf(row, "LastModifiedDate")!.Value;
        var eventId = $"sweep:{id}:{lastModified:o}";
        if (this == Account)
        {
            var changeType = DateOf(row, "CreatedDate") == lastModified ? "CREATE" : "UPDATE";
            var changed = new AccountChangedEvent(eventId, id, changeType, lastModified);
            await publisher.PublishAsync(Topics.AccountChanged, changed, eventId, cancellationToken);
            return;
        }

        var queued = new OrderQueuedEvent(eventId, id, lastModified);
        await publisher.PublishAsync(Topics.OrderQueued, queued, eventId, cancellationToken);
    }

    private string Where(string? condition, string queuedStatus)
    {
        var conditions = new List<string>();
        if (this == Order)
        {
            conditions.Add($"Status = {Soql.Quote(queuedStatus)}");
        }

        if (condition is not null)
        {
            conditions.Add(conditions.Count == 0 ? condition : $"({condition})");
        }

        return conditions.Count == 0
            ? _select + Ordering
            : $"{_select} WHERE {string.Join(" AND ", conditions)}{Ordering}";
    }

    // Salesforce writes datetimes as 2026-12-04T14:56:26.000+0000, which .NET parses as an offset.
    private static DateTimeOffset? DateOf(JsonObject row, string field) => row[field]?.GetValue<string>() is { } text
        ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime()
        : null;
}
