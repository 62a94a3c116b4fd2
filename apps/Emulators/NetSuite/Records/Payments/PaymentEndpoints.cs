using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DaprSync.NetSuiteEmulator.Errors;

namespace DaprSync.NetSuiteEmulator.Records.Payments;

/// <summary>The <c>customerPayment</c> resource of the REST record API: upsert by external id and read.</summary>
internal static class PaymentEndpoints
{
    public const string ResourcePath = "/customerPayment";

    public static RouteGroupBuilder MapCustomerPayments(this RouteGroupBuilder records)
    {
        records.MapPut(ResourcePath + "/eid:{externalId}", UpsertAsync);
        records.MapGet(ResourcePath + "/eid:{externalId}",
            (string externalId, HttpRequest request, PaymentBook book) =>
                Found(request, book.FindByExternalId(externalId)));
        records.MapGet(ResourcePath + "/{id}",
            (string id, HttpRequest request, PaymentBook book) => Found(request, book.Find(id)));
        return records;
    }

    private static async Task<IResult> UpsertAsync(string externalId, HttpRequest request, PaymentWrites writes)
    {
        JsonDocument body;
        try
        {
            body = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            return NetSuiteErrorResults.BadRequest(RecordErrors.InvalidBody());
        }

        using (body)
        {
            var outcome = writes.Upsert(externalId, body.RootElement);
            if (outcome.Error is not null)
            {
                return NetSuiteErrorResults.BadRequest(outcome.Error);
            }

            request.HttpContext.Response.Headers.Location = RecordUrl(request, outcome.Payment!.Id);
            return Results.NoContent();
        }
    }

    private static IResult Found(HttpRequest request, CustomerPayment? payment)
    {
        if (payment is null)
        {
            return NetSuiteErrorResults.RecordNotFound();
        }

        var apply = new JsonArray();
        foreach (var line in payment.Applications)
        {
            apply.Add(new JsonObject
            {
                ["doc"] = new JsonObject { ["id"] = line.DocId },
                ["apply"] = true,
                ["amount"] = line.Amount,
            });
        }

        var json = new JsonObject
        {
            ["links"] = new JsonArray(new JsonObject { ["rel"] = "self", ["href"] = RecordUrl(request, payment.Id) }),
            ["id"] = payment.Id,
            ["externalId"] = payment.ExternalId,
            ["customer"] = new JsonObject { ["id"] = payment.CustomerId },
            ["payment"] = payment.Payment,
            ["aracct"] = new JsonObject { ["id"] = payment.ArAccountId },
            ["account"] = new JsonObject { ["id"] = payment.AccountId },
            ["tranDate"] = payment.TranDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["memo"] = payment.Memo,
            ["apply"] = new JsonObject { ["items"] = apply },
        };
        return Results.Text(json.ToJsonString(), "application/vnd.oracle.resource+json; type=singular-resource");
    }

    private static string RecordUrl(HttpRequest request, string id) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}{NetSuiteEmulatorApp.RecordApiPrefix}{ResourcePath}/{id}";
}
