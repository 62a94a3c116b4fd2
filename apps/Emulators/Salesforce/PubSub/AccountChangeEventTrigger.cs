using DaprSync.SalesforceEmulator.Records;

namespace DaprSync.SalesforceEmulator.PubSub;

/// <summary>
/// The emulator's stand-in for the Apex trigger on Account: publishes <c>AccountsEvent__e</c> with
/// <c>Change_Type__c</c> CREATE or UPDATE for each committed Account change. Changes made by the
/// integration user publish nothing, so DaprSync's own writebacks do not echo back to it.
/// </summary>
internal sealed class AccountChangeEventTrigger(PlatformEventBus bus, ILogger<AccountChangeEventTrigger> logger)
    : IRecordChangeListener
{
    public void OnRecordChanged(RecordChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (!string.Equals(change.SObjectType, "Account", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        if (change.ByIntegrationUser)
        {
            Log.EchoSuppressed(logger, change.SObjectType, change.Id);
            return;
        }

        var changeType = change.Kind == RecordChangeKind.Created ? "CREATE" : "UPDATE";
        bus.PublishAccountsEvent(change.Id, changeType);
    }
}
