namespace DaprSync.Orchestrator.CustomerSync;

/// <summary>
/// A per-record failure found while mapping an Account: the field and value that cannot go to NetSuite.
/// The message names the Account, the field and the value, and is what <c>Sync_Error__c</c> receives.
/// </summary>
public sealed class AccountMappingException : Exception
{
    public AccountMappingException()
        : this(string.Empty, string.Empty, null, MappingErrorCodes.InvalidValue, "is invalid")
    {
    }

    public AccountMappingException(string message)
        : base(message)
    {
        AccountId = string.Empty;
        Field = string.Empty;
        ErrorCode = MappingErrorCodes.InvalidValue;
    }

    public AccountMappingException(string message, Exception innerException)
        : base(message, innerException)
    {
        AccountId = string.Empty;
        Field = string.Empty;
        ErrorCode = MappingErrorCodes.InvalidValue;
    }

    public AccountMappingException(string accountId, string field, string? value, string errorCode, string problem)
        : base(value is null
            ? $"Account {accountId}: {field} {problem}."
            : $"Account {accountId}: {field} '{value}' {problem}.")
    {
        AccountId = accountId;
        Field = field;
        Value = value;
        ErrorCode = errorCode;
    }

    public string AccountId { get; }

    /// <summary>Account field as the sf-sapi contract names it, such as <c>BillingCountry</c>.</summary>
    public string Field { get; }

    /// <summary>The rejected value as read from the Account, or null when the value is missing.</summary>
    public string? Value { get; }

    /// <summary>One of <see cref="MappingErrorCodes"/>.</summary>
    public string ErrorCode { get; }
}

/// <summary>Error codes of mapping and parent failures, recorded in the sync outcomes.</summary>
public static class MappingErrorCodes
{
    public const string RequiredFieldMissing = "REQUIRED_FIELD_MISSING";
    public const string InvalidValue = "INVALID_VALUE";
    public const string UnknownCountry = "UNKNOWN_COUNTRY";
    public const string UnmappedValue = "UNMAPPED_VALUE";

    /// <summary>The Account's parent chain leads back to itself.</summary>
    public const string ParentCycle = "PARENT_CYCLE";

    /// <summary>More unsynced ancestors than <c>CustomerSync:MaxParentDepth</c> allows.</summary>
    public const string ParentDepthExceeded = "PARENT_DEPTH_EXCEEDED";

    /// <summary>The parent Account failed to sync, so the child cannot reference it.</summary>
    public const string ParentNotSynced = "PARENT_NOT_SYNCED";
}
