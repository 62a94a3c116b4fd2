namespace DaprSync.SalesforceSapi;

/// <summary>Log messages of sf-sapi's REST side: authentication and the account endpoints.</summary>
internal static partial class SalesforceSapiLog
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Information,
        Message = "Authenticated with Salesforce as client {ClientId}; instance {InstanceUrl}, org {OrgId}")]
    public static partial void Authenticated(ILogger logger, string clientId, Uri instanceUrl, string orgId);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Error,
        Message = "Salesforce token request for client {ClientId} failed with HTTP {StatusCode}: {ErrorCode}")]
    public static partial void AuthenticationFailed(ILogger logger, string clientId, int statusCode, string errorCode);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning,
        Message = "Salesforce rejected the session on {Method} {Path}; authenticating again and retrying once")]
    public static partial void SessionExpired(ILogger logger, string method, string path);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning,
        Message = "Salesforce rejected {Operation} of {Resource} {RecordId}: {ErrorCode} {ErrorMessage}")]
    public static partial void RequestRejected(
        ILogger logger, string operation, string resource, string recordId, string errorCode, string errorMessage);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Error,
        Message = "Salesforce is unavailable for {Operation} of {Resource} {RecordId}")]
    public static partial void SalesforceUnavailable(
        ILogger logger, Exception error, string operation, string resource, string recordId);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information,
        Message = "Wrote sync status {SyncStatus} to Account {AccountId}")]
    public static partial void AccountSyncWritten(ILogger logger, string accountId, string syncStatus);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Warning,
        Message = "Salesforce API allowance is low: {Remaining} of {Limit} daily requests left")]
    public static partial void ApiAllowanceLow(ILogger logger, long remaining, long limit);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Error,
        Message = "Salesforce rejected {Method} {Path} with REQUEST_LIMIT_EXCEEDED; holding requests until {Until}")]
    public static partial void RequestLimitExceeded(ILogger logger, string method, string path, DateTimeOffset until);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Information,
        Message = "Wrote sync status {SyncStatus} to {SObjectType} {RecordId}")]
    public static partial void SyncWritten(ILogger logger, string sObjectType, string recordId, string syncStatus);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Information,
        Message = "Upserted {Count} {SObjectType} records by {ExternalIdField}: {Saved} saved, {Failed} failed")]
    public static partial void BatchUpserted(
        ILogger logger, string sObjectType, string externalIdField, int count, int saved, int failed);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Warning,
        Message = "Salesforce rejected {SObjectType} {Key} of a batch upsert: {ErrorCode} {ErrorMessage}")]
    public static partial void BatchRecordRejected(
        ILogger logger, string sObjectType, string key, string errorCode, string errorMessage);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Information,
        Message = "Wrote {Count} fulfilment updates to Orders: {Saved} saved, {Failed} failed")]
    public static partial void FulfilmentsWritten(ILogger logger, int count, int saved, int failed);
}
