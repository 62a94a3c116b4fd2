namespace DaprSync.SalesforceSapi.Sweep;

/// <summary>
/// Body of <c>POST /sweeps</c>: the sObjects to sweep (<c>Account</c> or <c>Order</c>, both when empty) and the
/// instant to sweep from. A null <see cref="Since"/> means the last event seen on each object's topic.
/// </summary>
public sealed record SweepRequest(IReadOnlyList<string>? Objects, DateTimeOffset? Since);

/// <summary>
/// Outcome of sweeping one sObject: the lower bound of <c>LastModifiedDate</c> it used (null for none) and
/// the number of bus events it published.
/// </summary>
public sealed record SweepObjectResult(string SObjectType, DateTimeOffset? Since, int Published);

/// <summary>Response of <c>POST /sweeps</c> and <c>POST /sweeps/backfill</c>, one entry per sObject swept.</summary>
public sealed record SweepResponse(IReadOnlyList<SweepObjectResult> Objects);

/// <summary>A stored gap after an expired replay id: the last event date before it, and when it was found.</summary>
public sealed record ReplayGap(DateTimeOffset? LastEventDate, DateTimeOffset DetectedAt);
