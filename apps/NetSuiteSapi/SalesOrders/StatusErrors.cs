using System.Text.RegularExpressions;
using DaprSync.NetSuiteSapi.Soap.Contracts;

namespace DaprSync.NetSuiteSapi.SalesOrders;

/// <summary>Turns a failed <c>platformCore:status</c> into a typed per-record rejection.</summary>
public static partial class StatusErrors
{
    /// <summary>
    /// Returns the first error detail as a rejection. For <c>INVALID_KEY_OR_REF</c> NetSuite's message reads
    /// "Invalid {field} reference key {value}.", so the field is taken from it and mapped to the request's name.
    /// </summary>
    public static SalesOrderUpsertOutcome.Rejected ToRejection(Status? status)
    {
        var detail = status?.Details.FirstOrDefault(d => d.Type == "ERROR") ?? status?.Details.FirstOrDefault();
        var code = detail?.Code ?? "UNEXPECTED_ERROR";
        var message = detail?.Message ?? "NetSuite reported a failure without a status detail.";
        string? field = null;
        if (code == "INVALID_KEY_OR_REF" && InvalidReference().Match(message) is { Success: true } match)
        {
            field = match.Groups["field"].Value.ToLowerInvariant() switch
            {
                "entity" => "CustomerInternalId",
                "item" => "Lines",
                "shipmethod" => "ShipMethodId",
                var other => other,
            };
        }

        return new SalesOrderUpsertOutcome.Rejected(code, field, message);
    }

    [GeneratedRegex(@"^Invalid (?<field>\w+) reference key (?<value>.+?)(?: for \w+ .+)?\.?$")]
    private static partial Regex InvalidReference();
}
