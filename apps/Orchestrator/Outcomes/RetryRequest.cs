namespace DaprSync.Orchestrator.Outcomes;

/// <summary>
/// What an operator's retry of a failure sends again. <see cref="Payload"/> is JSON: the event body for
/// <see cref="RetryKinds.Event"/>, or the mapped Salesforce upsert for <see cref="RetryKinds.SalesforceUpsert"/>.
/// </summary>
/// <param name="Kind">One of <see cref="RetryKinds"/>.</param>
/// <param name="Target">The topic of an event, or the poller (<c>invoice</c>, <c>refund</c>) of an upsert.</param>
/// <param name="Payload">The JSON body that the retry sends.</param>
public sealed record RetryRequest(string Kind, string Target, string Payload)
{
    public static RetryRequest ForEvent(string topic, string payloadJson) =>
        new(RetryKinds.Event, topic, payloadJson);

    public static RetryRequest ForSalesforceUpsert(string poller, string upsertJson) =>
        new(RetryKinds.SalesforceUpsert, poller, upsertJson);
}

/// <summary>Values of <see cref="RetryRequest.Kind"/>.</summary>
public static class RetryKinds
{
    /// <summary>Republish the stored event on its topic.</summary>
    public const string Event = "Event";

    /// <summary>Send the stored upsert payload to Salesforce through sf-sapi again.</summary>
    public const string SalesforceUpsert = "SalesforceUpsert";
}
