namespace DaprSync.NetSuiteSapi.SalesOrders;

/// <summary>Log messages of the Sales Order upsert, keyed by the Salesforce Order id.</summary>
internal static partial class SalesOrderLog
{
    [LoggerMessage(EventId = 111, Level = LogLevel.Information,
        Message = "Upserted Sales Order {ExternalId} as NetSuite {InternalId} {TranId} (created: {Created})")]
    public static partial void Upserted(ILogger logger, string externalId, string internalId, string tranId,
        bool created);

    [LoggerMessage(EventId = 112, Level = LogLevel.Warning,
        Message = "Rejected Sales Order {ExternalId} with {ErrorCode} on field {Field}: {Detail}")]
    public static partial void Rejected(ILogger logger, string externalId, string errorCode, string? field,
        string detail);

    [LoggerMessage(EventId = 113, Level = LogLevel.Error,
        Message = "NetSuite rejected the token passport for Sales Order {ExternalId} ({Code})")]
    public static partial void LoginFailed(ILogger logger, string externalId, string? code);

    [LoggerMessage(EventId = 114, Level = LogLevel.Warning,
        Message = "Transient NetSuite failure for Sales Order {ExternalId}: {Reason}")]
    public static partial void TransientFailure(ILogger logger, string externalId, string reason, Exception exception);
}
