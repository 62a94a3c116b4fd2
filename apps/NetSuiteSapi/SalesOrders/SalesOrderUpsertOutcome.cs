using DaprSync.Contracts.NetSuite;

namespace DaprSync.NetSuiteSapi.SalesOrders;

/// <summary>Result of <see cref="SalesOrderUpsertService.UpsertAsync"/>, one case per HTTP answer.</summary>
public abstract record SalesOrderUpsertOutcome
{
    public sealed record Succeeded(SalesOrderUpsertResult Result) : SalesOrderUpsertOutcome;

    /// <summary>A per-record error: NetSuite's <c>statusDetail</c> code, or ns-sapi's own for an unknown SKU or
    /// country, with the request field it concerns.</summary>
    public sealed record Rejected(string ErrorCode, string? Field, string Detail) : SalesOrderUpsertOutcome;

    public sealed record LoginFailed(string Detail) : SalesOrderUpsertOutcome;

    public sealed record Transient(string Reason) : SalesOrderUpsertOutcome;
}
