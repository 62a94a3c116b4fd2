using Dapr.Common.Serialization;
using DaprSync.Runtime.Workflows;
using Microsoft.Extensions.Logging;

namespace DaprSync.Runtime.InProcess.Workflows;

/// <summary>State shared by all runs of the in-process runner: journal, registry, serializer, clock, stop.</summary>
internal sealed record WorkflowRunEnvironment(
    WorkflowJournal Journal,
    WorkflowCatalog Catalog,
    IServiceProvider Services,
    IDaprSerializer Serializer,
    TimeProvider Time,
    ILoggerFactory LoggerFactory,
    CancellationToken Stopping);
