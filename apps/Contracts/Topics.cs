namespace DaprSync.Contracts;

/// <summary>Pub/sub component and topic names shared by publishers and subscribers.</summary>
public static class Topics
{
    /// <summary>Name of the Dapr pub/sub component.</summary>
    public const string PubSubName = "pubsub";

    /// <summary>Topic that every subscription names as its dead-letter topic.</summary>
    public const string DeadLetter = "deadletter";

    /// <summary>A Salesforce Account was created or changed (Platform Event <c>AccountsEvent__e</c>).</summary>
    public const string AccountChanged = "sf-account-changed";

    /// <summary>A Salesforce Order was queued for fulfilment (Platform Event <c>Create_NS_Order__e</c>).</summary>
    public const string OrderQueued = "sf-order-queued";

    /// <summary>A payment was recorded in Salesforce (Platform Event <c>ABT_Payment_and_Refund_Event__e</c>).</summary>
    public const string PaymentRecorded = "sf-payment-recorded";

    /// <summary>A System API met a problem outside a request, for the orchestrator to record.</summary>
    public const string SyncProblem = "sync-problem";
}
