using System.Text.Json.Nodes;
using DaprSync.SalesforceEmulator.Limits;
using DaprSync.SalesforceSapi.Rest;
using DaprSync.SalesforceSapi.Tests.Emulator;
using Microsoft.Extensions.DependencyInjection;

namespace DaprSync.SalesforceSapi.Tests.Sapi;

public sealed class UpsertTests
{
    [Fact]
    public async Task UpsertAsync_450RecordsTwoBad_SavesOthersInThreeCalls()
    {
        await using var host = await SapiHost.StartAsync();
        SoqlQueryTests.Seed(host.Emulator, "Account", new() { ["Name"] = "Acme", ["NetSuite_Id__c"] = "C1" });
        var records = Enumerable.Range(0, 450)
            .Select(i => i switch
            {
                17 => CollectionsUpsertTests.Invoice($"INV-{i}", total: i, accountKey: "no-such-customer"),
                333 => CollectionsUpsertTests.Invoice($"INV-{i}", total: i, name: new string('n', 81)),
                _ => CollectionsUpsertTests.Invoice($"INV-{i}", total: i, accountKey: "C1"),
            })
            .ToList();
        var client = host.App.Services.GetRequiredService<SalesforceRestClient>();

        var results = await client.UpsertAsync("Invoice__c", "NetSuite_Id__c", records, EmulatorHost.Cancel);

        Assert.Equal(3, host.Emulator.Usage.Count(ApiEndpoints.CollectionsUpsert));
        Assert.Equal(450, results.Count);
        Assert.Equal(Enumerable.Range(0, 450), results.Select(result => result.Index));
        var failed = results.Where(result => !result.Success).ToList();
        Assert.Equal([17, 333], failed.Select(result => result.Index));
        Assert.Equal("INV-17", failed[0].Key);
        Assert.Equal("INVALID_FIELD", failed[0].Errors[0].StatusCode);
        Assert.Equal("STRING_TOO_LONG", failed[1].Errors[0].StatusCode);
        Assert.Equal(448, host.Emulator.Records.All("Invoice__c").Count);
        Assert.All(results.Where(result => result.Success), result => Assert.True(result.Created));
    }

    [Fact]
    public async Task UpsertAsync_SameKeysAgain_UpdatesInPlace()
    {
        await using var host = await SapiHost.StartAsync();
        var client = host.App.Services.GetRequiredService<SalesforceRestClient>();
        List<JsonObject> invoices =
            [CollectionsUpsertTests.Invoice("INV-1", 1m), CollectionsUpsertTests.Invoice("INV-2", 2m)];

        var created = await client.UpsertAsync("Invoice__c", "NetSuite_Id__c", invoices, EmulatorHost.Cancel);
        var updated = await client.UpsertAsync(
            "Invoice__c", "NetSuite_Id__c", [CollectionsUpsertTests.Invoice("INV-1", 5m)], EmulatorHost.Cancel);

        Assert.All(created, result => Assert.True(result.Created));
        Assert.False(updated[0].Created);
        Assert.Equal(created[0].Id, updated[0].Id);
        Assert.Equal(5m, host.Emulator.Records.Get("Invoice__c", created[0].Id!)!["Total__c"]);
    }
}
