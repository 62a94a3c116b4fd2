using DaprSync.Contracts;
using DaprSync.Contracts.NetSuite;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DaprSync.NetSuiteSapi.SuiteQl;

/// <summary>
/// <c>GET /invoices</c> and <c>GET /refunds</c>: transactions modified since a time, one keyset page per call.
/// 400 for invalid parameters, 502 when NetSuite rejects the query or responds in an unexpected form, 503 when
/// NetSuite is unavailable after retries.
/// </summary>
public static class TransactionsApi
{
    public static IEndpointRouteBuilder MapTransactionsApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/invoices", ListInvoicesAsync);
        endpoints.MapGet("/refunds", ListRefundsAsync);
        return endpoints;
    }

    private static async Task<Results<Ok<InvoicePage>, ValidationProblem, ProblemHttpResult>> ListInvoicesAsync(
        DateTimeOffset? modifiedSince,
        DateTimeOffset? until,
        int? pageSize,
        string? cursor,
        IncrementalReader reader,
        IOptions<SuiteQlOptions> options,
        CancellationToken cancellationToken)
    {
        var outcome = await ReadAsync(TransactionMapper.Invoices, modifiedSince, until, pageSize, cursor, reader,
            options.Value, cancellationToken);
        if (outcome.Invalid is not null)
        {
            return outcome.Invalid;
        }

        if (outcome.Problem is not null)
        {
            return outcome.Problem;
        }

        var page = outcome.Page!;
        return TypedResults.Ok(new InvoicePage(
            [.. page.Items.Select(TransactionMapper.ToInvoice)], page.HasMore, page.Cursor, page.Until));
    }

    private static async Task<Results<Ok<RefundPage>, ValidationProblem, ProblemHttpResult>> ListRefundsAsync(
        DateTimeOffset? modifiedSince,
        DateTimeOffset? until,
        int? pageSize,
        string? cursor,
        IncrementalReader reader,
        IOptions<SuiteQlOptions> options,
        CancellationToken cancellationToken)
    {
        var outcome = await ReadAsync(TransactionMapper.Refunds, modifiedSince, until, pageSize, cursor, reader,
            options.Value, cancellationToken);
        if (outcome.Invalid is not null)
        {
            return outcome.Invalid;
        }

        if (outcome.Problem is not null)
        {
            return outcome.Problem;
        }

        var page = outcome.Page!;
        return TypedResults.Ok(new RefundPage(
            [.. page.Items.Select(TransactionMapper.ToRefund)], page.HasMore, page.Cursor, page.Until));
    }

    private sealed record ReadOutcome(KeysetPage? Page, ValidationProblem? Invalid, ProblemHttpResult? Problem);

    private static async Task<ReadOutcome> ReadAsync(
        TransactionQuery query,
        DateTimeOffset? modifiedSince,
        DateTimeOffset? until,
        int? pageSize,
        string? cursorText,
        IncrementalReader reader,
        SuiteQlOptions options,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var size = pageSize ?? options.SuiteQlPageSize;
        if (size is < 1 or > SuiteQlClient.MaxPageSize)
        {
            errors["pageSize"] = [$"pageSize {size} is invalid: use 1 to {SuiteQlClient.MaxPageSize}."];
        }

        var cursor = KeysetCursor.TryDecode(cursorText);
        if (cursorText is not null && cursor is null)
        {
            errors["cursor"] = ["cursor is invalid: pass the cursor of the previous page unchanged."];
        }

        if (modifiedSince is null && cursor is null)
        {
            errors["modifiedSince"] = ["modifiedSince is missing: pass an ISO 8601 time such as 2026-01-31T00:00:00Z."];
        }

        if (errors.Count > 0)
        {
            return new ReadOutcome(null, TypedResults.ValidationProblem(errors), null);
        }

        try
        {
            var page = await reader.ReadPageAsync(
                query, modifiedSince ?? cursor!.Since, until, cursor, size, cancellationToken);
            return new ReadOutcome(page, null, null);
        }
        catch (NetSuiteUnavailableException error)
        {
            return new ReadOutcome(null, null, Problem(StatusCodes.Status503ServiceUnavailable,
                "NetSuite is unavailable", error.Message + "; retry later.", null));
        }
        catch (SuiteQlRejectedException error)
        {
            return new ReadOutcome(null, null, Problem(StatusCodes.Status502BadGateway, "NetSuite rejected the query",
                error.Detail, error.ErrorCode));
        }
        catch (InvalidDataException error)
        {
            return new ReadOutcome(null, null, Problem(StatusCodes.Status502BadGateway, "Unexpected NetSuite response",
                error.Message, null));
        }
    }

    private static ProblemHttpResult Problem(int status, string title, string detail, string? errorCode) =>
        TypedResults.Problem(detail, statusCode: status, title: title, extensions: errorCode is null
            ? null
            : new Dictionary<string, object?> { [SyncProblemDetails.ErrorCode] = errorCode });
}
