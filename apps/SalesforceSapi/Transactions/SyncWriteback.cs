using System.Text.Json.Nodes;
using DaprSync.SalesforceSapi.Accounts;
using DaprSync.SalesforceSapi.Rest;

namespace DaprSync.SalesforceSapi.Transactions;

/// <summary>Writes <c>Sync_Status__c</c> and <c>Sync_Error__c</c> (with other fields) back to a record.</summary>
internal static class SyncWriteback
{
    /// <summary>Returns the status fields. An error longer than the Text(255) field is cut to fit.</summary>
    public static JsonObject Fields(string syncStatus, string? syncError) => new()
    {
        [AccountFields.SyncStatus] = syncStatus,
        [AccountFields.SyncError] = syncError is { Length: > AccountFields.SyncErrorMaxLength }
            ? syncError[..AccountFields.SyncErrorMaxLength]
            : syncError,
    };

    public static IResult MissingStatus() => AccountProblems.Problem(
        StatusCodes.Status400BadRequest,
        "Invalid sync update",
        "The syncStatus value is missing; send Synced or Failed.",
        null,
        []);

    /// <summary>Updates the record, returning 204, or 404 when Salesforce has no such record.</summary>
    public static async Task<IResult> WriteAsync(
        SalesforceRestClient salesforce,
        ILogger logger,
        string sObjectType,
        string id,
        JsonObject fields,
        string syncStatus,
        CancellationToken cancellationToken)
    {
        try
        {
            await salesforce.UpdateSObjectAsync(sObjectType, id, fields, cancellationToken);
        }
        catch (SalesforceApiException exception) when (exception.ErrorCode == "NOT_FOUND")
        {
            return AccountProblems.Problem(
                StatusCodes.Status404NotFound,
                $"{sObjectType} not found",
                $"Salesforce has no {sObjectType} with id {id}.",
                "NOT_FOUND",
                []);
        }

        SalesforceSapiLog.SyncWritten(logger, sObjectType, id, syncStatus);
        return TypedResults.NoContent();
    }
}
