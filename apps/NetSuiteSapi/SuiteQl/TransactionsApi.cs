using System.Text.Json;
using DaprSync.Contracts.NetSuite;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DaprSync.NetSuiteSapi.SuiteQl;

/// <summary>
/// <c>GET /invoices</c>, <c>GET /refunds</c>, <c>GET /fulfilments</c> and <c>GET /deleted-transactions</c>:
/// transactions modified (or deleted) since a time, one keyset page per call. 400 for invalid parameters, 502 when
/// NetSuite rejects the query or responds in an unexpected form, 503 when NetSuite is unavailable after retries.
/// </summary>
public static partial class TransactionsApi
{
    public static IEndpointRouteBuilder MapTransactionsApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/invoices", ListInvoicesAsync);
        endpoints.MapGet("/refunds", ListRefundsAsync);
        endpoints.MapGet("/fulfilments", ListFulfilmentsAsync);
        endpoints.MapGet("/deleted-transactions", ListDeletedTransactionsAsync);
        return endpoints;
    }

    private static Task<Results<Ok<InvoicePage>, ValidationProblem, ProblemHttpResult>> ListInvoicesAsync(
        DateTimeOffset? modifiedSince,
        DateTimeOffset? until,
        int? pageSize,
        string? cursor,
        IncrementalReader reader,
        IOptions<SuiteQlOptions> options,
        ILogger<IncrementalReader> logger,
        CancellationToken cancellationToken) =>
        ListAsync(TransactionMapper.Invoices, "modifiedSince", modifiedSince, until, pageSize, cursor, reader, options,
            [], TransactionMapper.ToInvoice,
            (items, page) => new InvoicePage(items, page.HasMore, page.Cursor, page.Until), logger, cancellationToken);

    private static Task<Results<Ok<RefundPage>, ValidationProblem, ProblemHttpResult>> ListRefundsAsync(
        DateTimeOffset? modifiedSince,
        DateTimeOffset? until,
        int? pageSize,
        string? cursor,
        IncrementalReader reader,
        IOptions<SuiteQlOptions> options,
        ILogger<IncrementalReader> logger,
        CancellationToken cancellationToken) =>
        ListAsync(TransactionMapper.Refunds, "modifiedSince", modifiedSince, until, pageSize, cursor, reader, options,
            [], TransactionMapper.ToRefund,
            (items, page) => new RefundPage(items, page.HasMore, page.Cursor, page.Until), logger, cancellationToken);

    private static Task<Results<Ok<FulfilmentPage>, ValidationProblem, ProblemHttpResult>> ListFulfilmentsAsync(
        DateTimeOffset? modifiedSince,
        DateTimeOffset? until,
        int? pageSize,
        string? cursor,
        IncrementalReader reader,
        IOptions<SuiteQlOptions> options,
        ILogger<IncrementalReader> logger,
        CancellationToken cancellationToken) =>
        ListAsync(FulfilmentMapper.Fulfilments, "modifiedSince", modifiedSince, until, pageSize, cursor, reader,
            options, [], FulfilmentMapper.ToFulfilment,
            (items, page) => new FulfilmentPage(items, page.HasMore, page.Cursor, page.Until), logger,
            cancellationToken);

    /// <summary>Lists deletions of the transaction types in <paramref name="types"/>, a comma-separated list of
    /// type codes. The same list must come with every page of one read, because the cursor does not carry it.</summary>
    private static Task<Results<Ok<DeletedTransactionPage>, ValidationProblem, ProblemHttpResult>>
        ListDeletedTransactionsAsync(
            string? types,
            DateTimeOffset? deletedSince,
            DateTimeOffset? until,
            int? pageSize,
            string? cursor,
            IncrementalReader reader,
            IOptions<SuiteQlOptions> options,
            ILogger<IncrementalReader> logger,
            CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var codes = (types ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var unknown = codes.Where(code => !DeletedTransactionMapper.RecordTypes.ContainsKey(code)).ToList();
        if (codes.Count == 0 || unknown.Count > 0)
        {
            errors["types"] = [(codes.Count == 0 ? "types is missing" : $"types '{string.Join(",", unknown)}' is invalid")
                + ": pass comma-separated type codes from "
                + string.Join(", ", DeletedTransactionMapper.RecordTypes.Keys.Order(StringComparer.Ordinal)) + "."];
        }

        var query = errors.Count == 0 ? DeletedTransactionMapper.Query(codes) : TransactionMapper.Invoices;
        return ListAsync(query, "deletedSince", deletedSince, until, pageSize, cursor, reader, options, errors,
            DeletedTransactionMapper.ToDeletedTransaction,
            (items, page) => new DeletedTransactionPage(items, page.HasMore, page.Cursor, page.Until), logger,
            cancellationToken);
    }

    private static async Task<Results<Ok<TPage>, ValidationProblem, ProblemHttpResult>> ListAsync<TItem, TPage>(
        KeysetQuery query,
        string sinceName,
        DateTimeOffset? since,
        DateTimeOffset? until,
        int? pageSize,
        string? cursor,
        IncrementalReader reader,
        IOptions<SuiteQlOptions> options,
        Dictionary<string, string[]> errors,
        Func<IReadOnlyDictionary<string, JsonElement>, TItem> map,
        Func<IReadOnlyList<TItem>, KeysetPage, TPage> toPage,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var outcome = await KeysetReads.ReadAsync(query, sinceName, since, until, pageSize, cursor, reader,
            options.Value, errors, logger, cancellationToken);
        if (outcome.Invalid is not null)
        {
            return outcome.Invalid;
        }

        if (outcome.Problem is not null)
        {
            return outcome.Problem;
        }

        var page = outcome.Page!;
        try
        {
            return TypedResults.Ok(toPage([.. page.Items.Select(row => map(row))], page));
        }
        catch (Exception error) when (error is InvalidDataException or FormatException)
        {
            LogUnexpectedRow(logger, query.Table, error.Message);
            return TypedResults.Problem(error.Message, statusCode: StatusCodes.Status502BadGateway,
                title: "Unexpected NetSuite response");
        }
    }

    [LoggerMessage(EventId = 22, Level = LogLevel.Error,
        Message = "A SuiteQL row of {Table} could not be mapped: {Reason}")]
    private static partial void LogUnexpectedRow(ILogger logger, string table, string reason);
}
