namespace DaprSync.SalesforceEmulator.Soql;

/// <summary>
/// A query that Salesforce rejects. <see cref="ErrorCode"/> is its code (<c>MALFORMED_QUERY</c>,
/// <c>INVALID_FIELD</c>, <c>INVALID_TYPE</c>) and <see cref="Position"/> the offset into the query text
/// that the message points at, or null when the message carries no position.
/// </summary>
public sealed class SoqlException(string errorCode, string reason, int? position = null) : Exception(reason)
{
    public string ErrorCode { get; } = errorCode;

    public int? Position { get; } = position;

    /// <summary>
    /// Formats the message as the REST API does for a positioned error: the query line, a caret under the
    /// column, <c>ERROR at Row:R:Column:C</c> and the reason, each on its own line.
    /// </summary>
    public string FormatMessage(string query)
    {
        if (Position is not { } position)
        {
            return Message;
        }

        var lineStart = query.LastIndexOf('\n', Math.Max(0, Math.Min(position, query.Length) - 1)) + 1;
        if (position == 0)
        {
            lineStart = 0;
        }

        var lineEnd = query.IndexOf('\n', lineStart);
        var line = lineEnd < 0 ? query[lineStart..] : query[lineStart..lineEnd];
        var row = query[..lineStart].Count(character => character == '\n') + 1;
        var column = position - lineStart + 1;
        return $"\n{line}\n{new string(' ', column - 1)}^\nERROR at Row:{row}:Column:{column}\n{Message}";
    }
}
