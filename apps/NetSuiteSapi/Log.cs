namespace DaprSync.NetSuiteSapi;

/// <summary>Log messages of ns-sapi. None of them carries a credential or a signature.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message =
            "Upserted customer {ExternalId} as NetSuite customer {InternalId} (upsert by external id: {ByExternalId})")]
    public static partial void CustomerUpserted(ILogger logger, string externalId, string internalId, bool byExternalId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning,
        Message = "NetSuite rejected customer {ExternalId} with HTTP {Status} {ErrorCode} on field {Field}: {Detail}")]
    public static partial void CustomerRejected(
        ILogger logger, string externalId, int status, string? errorCode, string? field, string detail);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error,
        Message = "NetSuite rejected the login for customer {ExternalId}: check the account and token settings")]
    public static partial void LoginFailed(ILogger logger, string externalId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning,
        Message = "Transient NetSuite failure for customer {ExternalId}: {Reason}")]
    public static partial void TransientFailure(ILogger logger, string externalId, string reason, Exception? exception);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error,
        Message = "Unexpected NetSuite response for customer {ExternalId}: {Reason}")]
    public static partial void UnexpectedResponse(ILogger logger, string externalId, string reason);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning,
        Message = "Rejected customer {ExternalId} before calling NetSuite: invalid or missing {Fields}")]
    public static partial void CustomerRequestInvalid(ILogger logger, string? externalId, string fields);
}
