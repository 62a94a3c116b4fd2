using DaprSync.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DaprSync.NetSuiteSapi.SuiteQl;

/// <summary>
/// One page of an incremental read for an endpoint: the query parameters checked (400), the page read, and
/// NetSuite's failures turned into ProblemDetails (502 for a rejected query or an unexpected response, 503 when
/// NetSuite is unavailable after retries).
/// </summary>
internal static partial class KeysetReads
{
    /// <summary>The page, the validation problem or the NetSuite problem, of which exactly one is set.</summary>
    public sealed record ReadOutcome(KeysetPage? Page, ValidationProblem? Invalid, ProblemHttpResult? Problem);

    /// <summary>
    /// Reads a page of <paramref name="query"/>. <paramref name="sinceName"/> is the name of the endpoint's start
    /// parameter, for the error message, and <paramref name="errors"/> may carry the endpoint's own validation errors.
    /// </summary>
    public static async Task<ReadOutcome> ReadAsync(
        KeysetQuery query,
        string sinceName,
        DateTimeOffset? since,
        DateTimeOffset? until,
        int? pageSize,
        string? cursorText,
        IncrementalReader reader,
        SuiteQlOptions options,
        Dictionary<string, string[]> errors,
        ILogger logger,
        CancellationToken cancellationToken)
    {
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

        if (since is null && cursor is null)
        {
            errors[sinceName] = [$"{sinceName} is missing: pass an ISO 8601 time such as 2026-01-31T00:00:00Z."];
        }

        if (errors.Count > 0)
        {
            return new ReadOutcome(null, TypedResults.ValidationProblem(errors), null);
        }

        try
        {
            var page = await reader.ReadPageAsync(query, since ?? cursor!.Since, until, cursor, size, cancellationToken);
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
            LogUnexpectedPage(logger, query.Table, error.Message);
            return new ReadOutcome(null, null, Problem(StatusCodes.Status502BadGateway, "Unexpected NetSuite response",
                error.Message, null));
        }
    }

    [LoggerMessage(EventId = 23, Level = LogLevel.Error,
        Message = "A SuiteQL page of {Table} could not be read: {Reason}")]
    private static partial void LogUnexpectedPage(ILogger logger, string table, string reason);

    private static ProblemHttpResult Problem(int status, string title, string detail, string? errorCode) =>
        TypedResults.Problem(detail, statusCode: status, title: title, extensions: errorCode is null
            ? null
            : new Dictionary<string, object?> { [SyncProblemDetails.ErrorCode] = errorCode });
}
