using System.Diagnostics;

namespace DaprSync.Runtime.Observability;

/// <summary>
/// Names of the DaprSync activity source and meter. Flow steps start their spans on
/// <see cref="ActivitySource"/>, so a tracer provider that adds the source <see cref="Name"/> exports them.
/// </summary>
public static class DaprSyncTelemetry
{
    /// <summary>Name of both the activity source and the meter.</summary>
    public const string Name = "DaprSync";

    public static readonly ActivitySource ActivitySource = new(Name);
}
