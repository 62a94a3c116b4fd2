namespace DaprSync.Runtime.Observability.Logging;

/// <summary>Output format of the console log, set by <c>Logging:Format</c>.</summary>
public enum LogFormat
{
    /// <summary>Serilog compact JSON, one event per line: the default outside the sandbox.</summary>
    Json,

    /// <summary>Readable text lines, for the sandbox and a developer's terminal.</summary>
    Console,
}
