using System.Net;
using System.Text.Json;

namespace DaprSync.Runtime.InProcess;

/// <summary>What the bus does with a delivery after one attempt, by Dapr's rules.</summary>
internal enum DeliveryVerdict
{
    Delivered,
    Retry,
    Drop,
}

internal readonly record struct DeliveryOutcome(DeliveryVerdict Verdict, string Reason)
{
    /// <summary>
    /// Classifies an app's answer as Dapr does: 2xx with no body or <c>SUCCESS</c> is delivered,
    /// <c>RETRY</c> retries, <c>DROP</c> and HTTP 404 drop (to the dead-letter topic when the
    /// subscription names one, as Dapr 1.13 and later do), any other status retries.
    /// </summary>
    public static DeliveryOutcome FromResponse(HttpStatusCode status, string body)
    {
        if (status == HttpStatusCode.NotFound)
        {
            return new(DeliveryVerdict.Drop, "the app answered 404");
        }

        if ((int)status is < 200 or > 299)
        {
            return new(DeliveryVerdict.Retry, $"the app answered {(int)status}");
        }

        var appStatus = ReadStatus(body);
        return appStatus?.ToUpperInvariant() switch
        {
            null or "" or "SUCCESS" => new(DeliveryVerdict.Delivered, "SUCCESS"),
            "RETRY" => new(DeliveryVerdict.Retry, "the app answered RETRY"),
            "DROP" => new(DeliveryVerdict.Drop, "the app answered DROP"),

            // Dapr treats an unknown status as an error, so the event is retried.
            _ => new(DeliveryVerdict.Retry, $"the app answered the unknown status '{appStatus}'"),
        };
    }

    private static string? ReadStatus(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("status", out var status)
                && status.ValueKind == JsonValueKind.String
                    ? status.GetString()
                    : null;
        }
        catch (JsonException)
        {
            // A 2xx with a body that is not JSON counts as success, as in Dapr.
            return null;
        }
    }
}
