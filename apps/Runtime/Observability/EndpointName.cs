namespace DaprSync.Runtime.Observability;

/// <summary>
/// Turns a request into a low-cardinality endpoint name for metrics: the method and the path, with record
/// ids replaced by <c>{id}</c> and the query string left out.
/// </summary>
public static class EndpointName
{
    public static string Of(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.RequestUri is { IsAbsoluteUri: true } uri
            ? uri.AbsolutePath
            : request.RequestUri?.OriginalString.Split('?')[0] ?? "/";
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Normalize);
        return $"{request.Method.Method} /{string.Join('/', segments)}";
    }

    // Salesforce ids are 15 or 18 characters, NetSuite internal ids are numbers and external ids are
    // written eid:{value}; a short segment with a digit, such as v62.0, is kept.
    private static string Normalize(string segment)
    {
        var hasDigit = segment.Any(char.IsAsciiDigit);
        var isId = segment.All(char.IsAsciiDigit)
            || segment.StartsWith("eid:", StringComparison.OrdinalIgnoreCase)
            || segment.Contains('%', StringComparison.Ordinal)
            || (hasDigit && segment.Length >= 8)
            || Guid.TryParse(segment, out _);
        return isId ? "{id}" : segment;
    }
}
