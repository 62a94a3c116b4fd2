using System.Text.Json.Nodes;
using DaprSync.Contracts.Salesforce;
using DaprSync.SalesforceSapi.Rest;

namespace DaprSync.SalesforceSapi.Accounts;

/// <summary>
/// The account endpoints of <see cref="ISalesforceSapi"/>: read an Account and write a sync outcome back.
/// </summary>
internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder endpoints)
    {
        var accounts = endpoints.MapGroup("/accounts").AddEndpointFilter<RouteGroupBuilder, AccountProblems>();
        accounts.MapGet("/{accountId}", GetAccountAsync);
        accounts.MapPatch("/{accountId}/sync", UpdateAccountSyncAsync);
        return endpoints;
    }

    private static async Task<IResult> GetAccountAsync(
        string accountId,
        SalesforceRestClient salesforce,
        CancellationToken cancellationToken)
    {
        if (!AccountId.IsValid(accountId))
        {
            return InvalidId(accountId);
        }

        // One query reads the Account and its parent's NetSuite id through the Parent relationship.
        var soql = $"SELECT {string.Join(", ", AccountFields.Selected)}, Parent.{AccountFields.NetSuiteId} "
            + $"FROM Account WHERE Id = {Soql.Quote(accountId)}";
        var rows = await salesforce.QueryAsync(soql, cancellationToken);
        if (rows.Count == 0)
        {
            return NotFound(accountId);
        }

        var record = rows[0];
        var parentNetSuiteId = record["Parent"]?[AccountFields.NetSuiteId]?.GetValue<string>();
        return TypedResults.Ok(AccountFields.ToAccount(record, parentNetSuiteId));
    }

    private static async Task<IResult> UpdateAccountSyncAsync(
        string accountId,
        AccountSyncUpdate update,
        SalesforceRestClient salesforce,
        ILogger<SalesforceRestClient> logger,
        CancellationToken cancellationToken)
    {
        if (!AccountId.IsValid(accountId))
        {
            return InvalidId(accountId);
        }

        if (string.IsNullOrWhiteSpace(update.SyncStatus))
        {
            return AccountProblems.Problem(
                StatusCodes.Status400BadRequest,
                "Invalid sync update",
                "The syncStatus value is missing; send Synced or Failed.",
                null,
                []);
        }

        var fields = new JsonObject
        {
            [AccountFields.SyncStatus] = update.SyncStatus,
            [AccountFields.SyncError] = Truncate(update.SyncError, AccountFields.SyncErrorMaxLength),
        };
        if (update.NetSuiteId is not null)
        {
            fields[AccountFields.NetSuiteId] = update.NetSuiteId;
        }

        try
        {
            await salesforce.UpdateSObjectAsync("Account", accountId, fields, cancellationToken);
        }
        catch (SalesforceApiException exception) when (exception.ErrorCode == "NOT_FOUND")
        {
            return NotFound(accountId);
        }

        SalesforceSapiLog.AccountSyncWritten(logger, accountId, update.SyncStatus);
        return TypedResults.NoContent();
    }

    private static string? Truncate(string? text, int maxLength) =>
        text is { Length: var length } && length > maxLength ? text[..maxLength] : text;

    private static IResult InvalidId(string accountId) => AccountProblems.Problem(
        StatusCodes.Status400BadRequest,
        "Invalid Account id",
        $"'{accountId}' is not a Salesforce Account id: expected 15 or 18 letters and digits starting with 001.",
        "MALFORMED_ID",
        []);

    private static IResult NotFound(string accountId) => AccountProblems.Problem(
        StatusCodes.Status404NotFound,
        "Account not found",
        $"Salesforce has no Account with id {accountId}.",
        "NOT_FOUND",
        []);
}
