using System.Net;
using DaprSync.Contracts;
using DaprSync.Contracts.NetSuite;
using DaprSync.Contracts.Salesforce;
using DaprSync.Orchestrator.CustomerSync;
using Refit;

namespace DaprSync.Orchestrator.Operations;

/// <summary>The upsert that a sync of the Account would send to ns-sapi, and what the sync would do first.</summary>
public sealed record CustomerDryRunResult(string AccountId, string UpsertBy, CustomerUpsertRequest Request, IReadOnlyList<string> Notes);

/// <summary>
/// Reads an Account, maps and validates it as the customer flow does, and returns the upsert without sending it.
/// It writes nothing: no NetSuite call, no writeback, no outcome.
/// </summary>
public static class CustomerDryRun
{
    public static async Task<IResult> RunAsync(
        string accountId,
        ISalesforceSapi salesforce,
        AccountToCustomerMapper mapper,
        CancellationToken cancellationToken)
    {
        SalesforceAccount account;
        try
        {
            account = await salesforce.GetAccountAsync(accountId, cancellationToken);
        }
        catch (ApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Account not found",
                detail: $"Account {accountId} was not found in Salesforce.");
        }
        catch (ApiException exception) when (exception.StatusCode == HttpStatusCode.BadRequest)
        {
            // sf-sapi rejects an id that is not a Salesforce Account id before it calls Salesforce.
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid Account id",
                detail: $"'{accountId}' is not a valid Salesforce Account id, so nothing was read: "
                    + "use the 15 or 18 character id from Salesforce.",
                extensions: new Dictionary<string, object?> { [SyncProblemDetails.Field] = "accountId" });
        }

        var notes = new List<string>();
        if (account.ParentId is { Length: > 0 } parentId && account.ParentNetSuiteId is null)
        {
            notes.Add($"Parent Account {parentId} has no NetSuite id yet: a sync would sync it first and set parent.");
        }

        try
        {
            var request = mapper.Map(account, account.ParentNetSuiteId);
            var upsertBy = request.InternalId is null ? $"eid:{request.ExternalId}" : $"internal id {request.InternalId}";
            return TypedResults.Ok(new CustomerDryRunResult(account.Id, upsertBy, request, notes));
        }
        catch (AccountMappingException exception)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Account cannot be mapped",
                detail: exception.Message,
                extensions: new Dictionary<string, object?>
                {
                    [SyncProblemDetails.ErrorCode] = exception.ErrorCode,
                    [SyncProblemDetails.Field] = exception.Field,
                });
        }
    }
}
