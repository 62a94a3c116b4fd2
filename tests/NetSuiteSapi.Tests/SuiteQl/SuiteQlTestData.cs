using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DaprSync.NetSuiteEmulator.Records.Transactions;
using Microsoft.Extensions.DependencyInjection;

namespace DaprSync.NetSuiteSapi.Tests.SuiteQl;

/// <summary>Helpers that put customers and invoices into the emulator and run queries against it.</summary>
internal static class SuiteQlTestData
{
    public static BillingSimulation Billing(NetSuiteTestHost host) =>
        host.Emulator.Services.GetRequiredService<BillingSimulation>();

    public static TransactionLedger Ledger(NetSuiteTestHost host) =>
        host.Emulator.Services.GetRequiredService<TransactionLedger>();

    /// <summary>Creates a customer through the emulator's record API and returns its internal id.</summary>
    public static async Task<string> CreateCustomerAsync(NetSuiteTestHost host, string name)
    {
        using var response = await host.SendRecordAsync(HttpMethod.Post, "customer",
            new { companyName = name, subsidiary = new { id = "1" } });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return response.Headers.Location!.Segments[^1];
    }

    /// <summary>Posts a SuiteQL query, signed, with <c>Prefer: transient</c> unless <paramref name="transient"/> is false.</summary>
    public static async Task<HttpResponseMessage> QueryAsync(
        NetSuiteTestHost host,
        string query,
        string parameters = "",
        bool transient = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "services/rest/query/v1/suiteql" + parameters)
        {
            Content = JsonContent.Create(new { q = query }),
        };
        if (transient)
        {
            request.Headers.Add("Prefer", "transient");
        }

        return await host.EmulatorClient.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).Clone();

    public static string ErrorCode(JsonElement body) =>
        body.GetProperty("o:errorDetails")[0].GetProperty("o:errorCode").GetString()!;

    /// <summary>Writes a time as ISO 8601 in UTC, safe in a query string.</summary>
    public static string Iso(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
