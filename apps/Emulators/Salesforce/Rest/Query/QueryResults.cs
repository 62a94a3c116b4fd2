using System.Text.Json.Nodes;

namespace DaprSync.SalesforceEmulator.Rest.Query;

/// <summary>Builds the query resource's result object.</summary>
internal static class QueryResults
{
    /// <summary>
    /// Returns <c>{totalSize, done, nextRecordsUrl, records}</c>. <c>done</c> is true and
    /// <c>nextRecordsUrl</c> absent when <paramref name="nextRecordsUrl"/> is null.
    /// The records are copied, so a retried page can be serialized again.
    /// </summary>
    public static JsonObject Page(IEnumerable<JsonObject> records, int totalSize, string? nextRecordsUrl)
    {
        var page = new JsonObject
        {
            ["totalSize"] = totalSize,
            ["done"] = nextRecordsUrl is null,
        };
        if (nextRecordsUrl is not null)
        {
            page["nextRecordsUrl"] = nextRecordsUrl;
        }

        page["records"] = new JsonArray([.. records.Select(record => record.DeepClone())]);
        return page;
    }
}
