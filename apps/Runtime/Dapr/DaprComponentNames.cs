using DaprSync.Contracts;

namespace DaprSync.Runtime.Dapr;

/// <summary>Names of the Dapr components under <c>components/</c> that the runtime seam calls.</summary>
public static class DaprComponentNames
{
    /// <summary>The pub/sub component, <c>pubsub</c>.</summary>
    public const string PubSub = Topics.PubSubName;

    /// <summary>The state store component, <c>statestore</c>, also the actor state store of workflows.</summary>
    public const string StateStore = "statestore";

    /// <summary>Publish metadata key that sets the CloudEvent <c>id</c> instead of a sidecar-generated one.</summary>
    public const string CloudEventIdMetadata = "cloudevent.id";

    /// <summary>State metadata key with the time-to-live of one item, in whole seconds.</summary>
    public const string TimeToLiveMetadata = "ttlInSeconds";
}
