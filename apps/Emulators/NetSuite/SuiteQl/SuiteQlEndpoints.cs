using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DaprSync.NetSuiteEmulator.Errors;

namespace DaprSync.NetSuiteEmulator.SuiteQl;

/// <summary>
/// <c>POST /services/rest/query/v1/suiteql?limit=&amp;offset=</c> with body <c>{"q": "SELECT ..."}</c>, which
/// needs the header <c>Prefer: transient</c>. A page contains at most 1000 rows, the offset must be a multiple of the
/// limit, and no page may reach past row 100,000, as on a NetSuite account without SuiteAnalytics Connect.
/// </summary>
internal static class SuiteQlEndpoints
{
    public const string Path = "/suiteql";
    public const int MaxLimit = 1000;
    public const int MaxRows = 100_000;

    public static RouteGroupBuilder MapSuiteQlQuery(this RouteGroupBuilder query)
    {
        query.MapPost(Path, RunAsync);
        return query;
    }

    private static async Task<IResult> RunAsync(HttpRequest request, SuiteQlEngine engine)
    {
        if (!request.Headers["Prefer"].Any(v => v?.Contains("transient", StringComparison.OrdinalIgnoreCase) == true))
        {
            // NOTE: the wording of this detail is the emulator's own; NetSuite's text for a missing Prefer header
            // was not checked against an account.
            return InvalidParameter("The request header 'Prefer: transient' is required for SuiteQL queries.", null);
        }

        var limitText = request.Query["limit"].ToString();
        var offsetText = request.Query["offset"].ToString();
        var limit = MaxLimit;
        if ((limitText.Length > 0 && !TryParseCount(limitText, out limit)) || limit is < 1 or > MaxLimit)
        {
            return InvalidParameter(
                $"Invalid value '{limitText}' for the parameter limit. Use 1 to {MaxLimit}.", "limit");
        }

        var offset = 0;
        if ((offsetText.Length > 0 && !TryParseCount(offsetText, out offset)) || offset % limit != 0)
        {
            return InvalidParameter(
                $"Invalid value '{offsetText}' for the parameter offset. The offset must be a multiple of the limit.",
                "offset");
        }

        if (offset + limit > MaxRows)
        {
            return InvalidParameter(
                $"The offset {offset} with limit {limit} reaches past the maximum of {MaxRows} results of a query.",
                "offset");
        }

        var queryText = await ReadQueryAsync(request);
        if (queryText is null)
        {
            return NetSuiteErrorResults.BadRequest(new NetSuiteErrorDetail(
                "Invalid content in the request body. The body must be a JSON object with a string property q.",
                "INVALID_CONTENT"));
        }

        IReadOnlyList<IReadOnlyList<KeyValuePair<string, string>>> rows;
        try
        {
            rows = engine.Execute(queryText);
        }
        catch (SuiteQlException error)
        {
            return InvalidParameter(error.Message, "q");
        }

        return Results.Text(Page(request, rows, limit, offset).ToJsonString(),
            "application/vnd.oracle.resource+json; type=collection");
    }

    private static JsonObject Page(
        HttpRequest request,
        IReadOnlyList<IReadOnlyList<KeyValuePair<string, string>>> rows,
        int limit,
        int offset)
    {
        var items = new JsonArray();
        foreach (var row in rows.Skip(offset).Take(limit))
        {
            var item = new JsonObject { ["links"] = new JsonArray() };
            foreach (var (name, value) in row)
            {
                item[name] = value;
            }

            items.Add(item);
        }

        var total = rows.Count;
        var hasMore = offset + limit < Math.Min(total, MaxRows);
        var links = new JsonArray();
        var lastOffset = Math.Max(0, (Math.Min(total, MaxRows) - 1) / limit * limit);
        links.Add(Link(request, "first", limit, 0));
        if (offset > 0)
        {
            links.Add(Link(request, "prev", limit, offset - limit));
        }

        if (hasMore)
        {
            links.Add(Link(request, "next", limit, offset + limit));
        }

        links.Add(Link(request, "last", limit, lastOffset));
        links.Add(Link(request, "self", limit, offset));

        return new JsonObject
        {
            ["links"] = links,
            ["count"] = items.Count,
            ["hasMore"] = hasMore,
            ["items"] = items,
            ["offset"] = offset,
            ["totalResults"] = total,
        };
    }

    private static JsonObject Link(HttpRequest request, string rel, int limit, int offset) => new()
    {
        ["rel"] = rel,
        ["href"] = string.Create(CultureInfo.InvariantCulture,
            $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}?limit={limit}&offset={offset}"),
    };

    private static bool TryParseCount(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    private static async Task<string?> ReadQueryAsync(HttpRequest request)
    {
        try
        {
            using var body = await JsonDocument.ParseAsync(
                request.Body, cancellationToken: request.HttpContext.RequestAborted);
            return body.RootElement.ValueKind == JsonValueKind.Object
                && body.RootElement.TryGetProperty("q", out var q)
                && q.ValueKind == JsonValueKind.String
                    ? q.GetString()
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult InvalidParameter(string detail, string? path) =>
        NetSuiteErrorResults.BadRequest(new NetSuiteErrorDetail(detail, "INVALID_PARAMETER", path));
}
