using System.ComponentModel.DataAnnotations;

namespace DaprSync.Runtime;

/// <summary>Which side of the runtime seam an app runs on.</summary>
public enum RuntimeMode
{
    /// <summary>The in-process runtime: SQLite outbox bus and state store, loopback HTTP between apps.</summary>
    InProcess,

    /// <summary>A Dapr sidecar next to each app.</summary>
    Dapr,
}

/// <summary>Settings of the <c>Runtime</c> section.</summary>
public sealed class RuntimeOptions
{
    public const string SectionName = "Runtime";

    public RuntimeMode Mode { get; set; } = RuntimeMode.InProcess;

    /// <summary>SQLite file of the in-process outbox and state store.</summary>
    [Required]
    public string SqlitePath { get; set; } = "daprsync.db";
}
