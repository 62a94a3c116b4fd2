using DaprSync.SalesforceEmulator.Records;
using Microsoft.Extensions.Options;

namespace DaprSync.SalesforceEmulator.PubSub;

/// <summary>
/// The emulator's stand-in for the Apex trigger on Order: publishes <c>Create_NS_Order__e</c> when an
/// Order is created with the queued status (<see cref="PubSubEmulatorOptions.OrderQueuedStatus"/>) or
/// updated to it from another status. Changes made by the integration user publish nothing.
/// </summary>
internal sealed class OrderQueuedEventTrigger(
    PlatformEventBus bus,
    SalesforceRecords records,
    IOptions<PubSubEmulatorOptions> options,
    ILogger<OrderQueuedEventTrigger> logger) : IRecordChangeListener
{
    public void OnRecordChanged(RecordChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (!string.Equals(change.SObjectType, "Order", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        // RecordChange lists only fields whose value changed, so an update that rewrites the queued
        // status unchanged does not queue the Order a second time.
        if (change.Kind == RecordChangeKind.Updated && !change.ChangedFields.Contains("Status"))
        {
            return;
        }

        if (change.ByIntegrationUser)
        {
            Log.EchoSuppressed(logger, change.SObjectType, change.Id);
            return;
        }

        var order = records.Get(change.SObjectType, change.Id);
        if (order is null)
        {
            Log.ChangedRecordMissing(logger, change.SObjectType, change.Id);
            return;
        }

        if (string.Equals(order.GetString("Status"), options.Value.OrderQueuedStatus, StringComparison.Ordinal))
        {
            bus.PublishCreateNsOrder(order.Id);
        }
    }
}
