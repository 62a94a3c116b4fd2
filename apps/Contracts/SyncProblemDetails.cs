namespace DaprSync.Contracts;

/// <summary>
/// Extension keys that the System APIs add to ProblemDetails bodies, so the orchestrator can tell a
/// per-record rejection (HTTP 422) from a transient failure (HTTP 503) and name the system's error code.
/// </summary>
public static class SyncProblemDetails
{
    /// <summary>The external system's error code, for example NetSuite's <c>INVALID_FLD_VALUE</c>.</summary>
    public const string ErrorCode = "errorCode";

    /// <summary>The field the external system named, when it named one.</summary>
    public const string Field = "field";
}
