using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace DaprSync.SalesforceSapi.PubSub;

/// <summary>Settings of the <c>Salesforce:PubSub</c> section, for the Platform Event subscribers.</summary>
public sealed class PubSubOptions
{
    public const string SectionName = "Salesforce:PubSub";

    /// <summary>Starts the subscribers when true; <see cref="Endpoint"/> is then required.</summary>
    public bool Enabled { get; set; }

    /// <summary>gRPC URL of the Pub/Sub API, for example <c>https://api.pubsub.salesforce.com:7443</c>.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Events requested per FetchRequest, at most 100 (the Pub/Sub API's maximum outstanding).</summary>
    [Range(1, 100)]
    public int BatchSize { get; set; } = 100;

    /// <summary>First delay before reconnecting after a failure; it doubles per failure up to the maximum.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Maximum delay between reconnect attempts.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Lifetime of a replica's lease on a topic. The holder renews it every third of this time, and a
    /// replica without it retries as often, so a dead holder is replaced within about 1.3 times this time.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.030", "01:00:00")]
    public TimeSpan LeaseTimeToLive { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Name of this replica in the leases; unset means host name, process id and a random suffix. Two
    /// running replicas must never share it, so set it only to a name unique per replica (a pod name).
    /// </summary>
    public string? ReplicaId { get; set; }
}

/// <summary>Checks the settings that depend on each other, naming the key to fix.</summary>
internal sealed class PubSubOptionsValidator : IValidateOptions<PubSubOptions>
{
    public ValidateOptionsResult Validate(string? name, PubSubOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var endpoint = options.Endpoint;
        if (endpoint is null || !endpoint.IsAbsoluteUri || (endpoint.Scheme != "https" && endpoint.Scheme != "http"))
        {
            return ValidateOptionsResult.Fail(
                $"{PubSubOptions.SectionName}:Endpoint is missing or invalid ('{endpoint}'). Set it to the "
                + "absolute http or https URL of the Pub/Sub API, or set "
                + $"{PubSubOptions.SectionName}:Enabled to false.");
        }

        if (options.ReconnectMaxDelay < options.ReconnectMinDelay)
        {
            return ValidateOptionsResult.Fail(
                $"{PubSubOptions.SectionName}:ReconnectMaxDelay ({options.ReconnectMaxDelay}) is less than "
                + $"{PubSubOptions.SectionName}:ReconnectMinDelay ({options.ReconnectMinDelay}).");
        }

        return ValidateOptionsResult.Success;
    }
}
