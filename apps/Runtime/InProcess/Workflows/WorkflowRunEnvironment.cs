using Dapr.Common.Serialization;
using DaprSync.Runtime.Workflows;
using Microsoft.Extensions.Logging;

namespace DaprSync.Runtime.InProcess.Workflows;

/// <summary>What every run of the in-process runner shares: storage, registry, serializer, clock and stop signal.</summary>
internal sealed record WorkflowRunEnvironment(
    WorkflowJournal Journal,
    WorkflowCatalog Catalog,
    IServiceProvider Services,
    IDaprSerializer Serializer,
    TimeProvider Time,
    ILoggerFactory LoggerFactory,
    CancellationToken Stopping);
