using System.Collections.Concurrent;
using System.Text.Json;
using DaprSync.Orchestrator.Operations;
using DaprSync.Runtime;

namespace DaprSync.Orchestrator.Tests.Operations;

/// <summary>An <see cref="IEventPublisher"/> that keeps every publish, with the payload as JSON.</summary>
internal sealed class RecordingPublisher : IEventPublisher
{
    public ConcurrentQueue<(string Topic, string Json, string? EventId)> Events { get; } = new();

    public Task PublishAsync<T>(string topic, T data, string? eventId = null, CancellationToken cancellationToken = default)
    {
        Events.Enqueue((topic, JsonSerializer.Serialize(data, JsonSerializerOptions.Web), eventId));
        return Task.CompletedTask;
    }
}

/// <summary>Both System APIs' read endpoints with fixed figures, shown on the status page.</summary>
internal sealed class FixedLimits : ISalesforceLimitsClient, INetSuiteConcurrencyClient
{
    public Task<SalesforceApiAllowance> GetApiAllowanceAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(new SalesforceApiAllowance(14250, null));

    public Task<NetSuiteConcurrency> GetConcurrencyAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(new NetSuiteConcurrency(2, 5));
}
