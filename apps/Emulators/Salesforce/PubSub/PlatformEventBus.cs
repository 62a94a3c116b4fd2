using Microsoft.Extensions.Options;

namespace DaprSync.SalesforceEmulator.PubSub;

/// <summary>
/// The emulator's event bus: an append-only log per topic with replay ids, pruned after the retention
/// period. Sequences are global and increase by one per event, so replay ids never repeat across topics.
/// </summary>
public sealed class PlatformEventBus
{
    private readonly Dictionary<string, List<PublishedPlatformEvent>> _logs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _subscriberCounts = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _retention;
    private TaskCompletionSource _nextPublish = NewSignal();
    private long _lastSequence;

    public PlatformEventBus(TimeProvider timeProvider, IOptions<PubSubEmulatorOptions> options)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(options);
        _timeProvider = timeProvider;
        _retention = options.Value.RetentionPeriod;
        foreach (var definition in PlatformEventSchemas.All)
        {
            _logs[definition.TopicName] = [];
            _subscriberCounts[definition.TopicName] = 0;
        }
    }

    /// <summary>Id of the user that <see cref="Publish"/> records as <c>CreatedById</c> by default.</summary>
    public const string AutomatedProcessUserId = "005000000000001AAA";

    private static readonly int UnixEpochDay = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    /// <summary>
    /// Encodes and publishes one event, as Apex <c>EventBus.publish</c> would. <c>CreatedDate</c> is set from
    /// the clock and <c>CreatedById</c> to <paramref name="createdById"/>, and <paramref name="customFields"/>
    /// sets the custom fields by API name.
    /// </summary>
    /// <exception cref="Avro.AvroException">A field is unknown or a value does not fit its type.</exception>
    public PublishedPlatformEvent Publish(
        PlatformEventDefinition definition,
        IReadOnlyDictionary<string, object?> customFields,
        string createdById = AutomatedProcessUserId)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(customFields);

        // One instant for CreatedDate and PublishedAt, so the two agree to the millisecond.
        var now = _timeProvider.GetUtcNow();
        var fields = new Dictionary<string, object?>(customFields, StringComparer.Ordinal)
        {
            ["CreatedDate"] = now.ToUnixTimeMilliseconds(),
            ["CreatedById"] = createdById,
        };
        var payload = PlatformEventCodec.Encode(definition.Schema, fields);
        return Append(definition, eventId: null, payload, now);
    }

    /// <summary>Publishes <c>AccountsEvent__e</c> with <c>Change_Type__c</c> CREATE or UPDATE.</summary>
    public PublishedPlatformEvent PublishAccountsEvent(string accountId, string changeType) =>
        Publish(PlatformEventSchemas.AccountsEvent, new Dictionary<string, object?>
        {
            ["Account_Id__c"] = accountId,
            ["Change_Type__c"] = changeType,
        });

    /// <summary>Publishes <c>Create_NS_Order__e</c> for an Order queued for fulfilment.</summary>
    public PublishedPlatformEvent PublishCreateNsOrder(string orderId) =>
        Publish(PlatformEventSchemas.CreateNsOrder, new Dictionary<string, object?> { ["Order_Id__c"] = orderId });

    /// <summary>
    /// Publishes <c>ABT_Payment_and_Refund_Event__e</c>. The payment date is encoded as days since
    /// 1970-01-01 and the amount as a double, the types that
    /// <see cref="PlatformEventSchemas.PaymentAndRefundEvent"/> declares.
    /// </summary>
    public PublishedPlatformEvent PublishPaymentEvent(PaymentEventFields payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        return Publish(PlatformEventSchemas.PaymentAndRefundEvent, new Dictionary<string, object?>
        {
            ["Payment_Id__c"] = payment.PaymentId,
            ["Amount__c"] = payment.Amount is { } amount ? (double)amount : null,
            ["NetSuite_Account_Number__c"] = payment.NetSuiteAccountNumber,
            ["NetSuite_Invoice_Id__c"] = payment.NetSuiteInvoiceId,
            ["Payment_Date__c"] = payment.PaymentDate is { } date ? date.DayNumber - UnixEpochDay : null,
        });
    }

    /// <summary>Returns the retained events of a topic, oldest first.</summary>
    public IReadOnlyList<PublishedPlatformEvent> GetPublished(string topicName)
    {
        lock (_gate)
        {
            PruneExpired();
            return _logs.TryGetValue(topicName, out var log) ? [.. log] : [];
        }
    }

    /// <summary>Returns how many Subscribe calls are currently streaming from a topic.</summary>
    public int GetSubscriberCount(string topicName)
    {
        lock (_gate)
        {
            return _subscriberCounts.GetValueOrDefault(topicName);
        }
    }

    internal PublishedPlatformEvent Append(
        PlatformEventDefinition definition,
        string? eventId,
        byte[] payload,
        DateTimeOffset? publishedAt = null)
    {
        TaskCompletionSource published;
        PublishedPlatformEvent stored;
        lock (_gate)
        {
            PruneExpired();
            var id = string.IsNullOrEmpty(eventId) ? Guid.NewGuid().ToString() : eventId;
            var at = publishedAt ?? _timeProvider.GetUtcNow();
            stored = new PublishedPlatformEvent(definition, id, ++_lastSequence, payload, at);
            _logs[definition.TopicName].Add(stored);
            published = _nextPublish;
            _nextPublish = NewSignal();
        }

        published.SetResult();
        return stored;
    }

    /// <summary>Returns a task that completes on the next publish to any topic.</summary>
    internal Task WaitForNextPublishAsync()
    {
        lock (_gate)
        {
            return _nextPublish.Task;
        }
    }

    /// <summary>Returns up to <paramref name="maxCount"/> retained events with a sequence above <paramref name="afterSequence"/>.</summary>
    internal IReadOnlyList<PublishedPlatformEvent> ReadAfter(string topicName, long afterSequence, int maxCount)
    {
        lock (_gate)
        {
            PruneExpired();
            return [.. _logs[topicName].Where(stored => stored.Sequence > afterSequence).Take(maxCount)];
        }
    }

    /// <summary>Returns the sequence of the newest retained event of a topic, or 0 when it has none.</summary>
    internal long GetLatestSequence(string topicName)
    {
        lock (_gate)
        {
            PruneExpired();
            var log = _logs[topicName];
            return log.Count == 0 ? 0 : log[^1].Sequence;
        }
    }

    /// <summary>Returns true when an event of this topic with that sequence is still retained.</summary>
    internal bool IsRetained(string topicName, long sequence)
    {
        lock (_gate)
        {
            PruneExpired();
            return _logs[topicName].Exists(stored => stored.Sequence == sequence);
        }
    }

    internal void AddSubscriber(string topicName, int delta)
    {
        lock (_gate)
        {
            _subscriberCounts[topicName] += delta;
        }
    }

    private void PruneExpired()
    {
        var cutoff = _timeProvider.GetUtcNow() - _retention;
        foreach (var log in _logs.Values)
        {
            log.RemoveAll(stored => stored.PublishedAt <= cutoff);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
