using System.Globalization;
using DaprSync.SalesforceEmulator.Limits;
using DaprSync.SalesforceEmulator.Records;
using DaprSync.SalesforceEmulator.Soql;

namespace DaprSync.SalesforceEmulator.Rest.Query;

/// <summary>
/// The query resource: <c>GET query?q=SOQL</c> returns the first batch of rows and <c>GET query/{locator}</c>
/// the following ones. The batch size is 2000 unless <c>Sforce-Query-Options: batchSize=N</c> requests
/// another size between 200 and 2000.
/// </summary>
internal static class QueryEndpoints
{
    public static RouteGroupBuilder MapQueryApi(this RouteGroupBuilder rest)
    {
        rest.MapGet("/query", RunQuery).WithMetadata(new ApiEndpointName(ApiEndpoints.Query));
        rest.MapGet("/query/{locator}", ReadMore).WithMetadata(new ApiEndpointName(ApiEndpoints.QueryMore));
        return rest;
    }

    private static IResult RunQuery(
        string version,
        string? q,
        HttpRequest request,
        SoqlExecutor executor,
        QueryCursors cursors)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return RestErrors.Of(
                StatusCodes.Status400BadRequest,
                new ApiError("A query string has to be specified", "MALFORMED_QUERY", []));
        }

        IReadOnlyList<System.Text.Json.Nodes.JsonObject> rows;
        try
        {
            rows = executor.Execute(SoqlParser.Parse(q), version);
        }
        catch (SoqlException exception)
        {
            var error = new ApiError(exception.FormatMessage(q), exception.ErrorCode, []);
            return RestErrors.Of(StatusCodes.Status400BadRequest, error);
        }

        var (batch, next) = cursors.Open(rows, BatchSizeOf(request));
        return Results.Json(QueryResults.Page(batch, rows.Count, NextRecordsUrl(version, next)));
    }

    private static IResult ReadMore(string version, string locator, QueryCursors cursors)
    {
        if (!cursors.TryRead(locator, out var batch, out var next, out var totalSize))
        {
            return RestErrors.Of(
                StatusCodes.Status400BadRequest,
                new ApiError("invalid query locator", "INVALID_QUERY_LOCATOR", []));
        }

        return Results.Json(QueryResults.Page(batch, totalSize, NextRecordsUrl(version, next)));
    }

    private static string? NextRecordsUrl(string version, string? locator) =>
        locator is null ? null : $"/services/data/{version}/query/{locator}";

    // Salesforce treats the requested size as a hint, so a value out of range is clamped rather than rejected.
    private static int BatchSizeOf(HttpRequest request)
    {
        var options = request.Headers["Sforce-Query-Options"].ToString();
        const StringSplitOptions splitOptions = StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries;
        foreach (var option in options.Split(',', splitOptions))
        {
            var parts = option.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && parts[0].Equals("batchSize", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size))
            {
                return Math.Clamp(size, QueryCursors.MinBatchSize, QueryCursors.DefaultBatchSize);
            }
        }

        return QueryCursors.DefaultBatchSize;
    }
}
