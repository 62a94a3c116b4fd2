using DaprSync.SalesforceEmulator.Limits;
using DaprSync.SalesforceSapi.Rest;
using DaprSync.SalesforceSapi.Tests.Emulator;
using Microsoft.Extensions.DependencyInjection;

namespace DaprSync.SalesforceSapi.Tests.Sapi;

public sealed class QueryTests
{
    [Fact]
    public async Task QueryAsync_ThreeBatches_ReturnsEveryRow()
    {
        var settings = new Dictionary<string, string?> { ["Salesforce:QueryBatchSize"] = "200" };
        await using var host = await SapiHost.StartAsync(extraSettings: settings);
        for (var i = 0; i < 450; i++)
        {
            SoqlQueryTests.Seed(host.Emulator, "Account", new() { ["Name"] = $"Row {i:D3}" });
        }

        var client = host.App.Services.GetRequiredService<SalesforceRestClient>();
        var rows = await client.QueryAsync("SELECT Name FROM Account ORDER BY Name", EmulatorHost.Cancel);

        Assert.Equal(450, rows.Count);
        Assert.Equal("Row 000", rows[0]["Name"]!.GetValue<string>());
        Assert.Equal("Row 449", rows[^1]["Name"]!.GetValue<string>());
        Assert.Equal(1, host.Emulator.Usage.Count(ApiEndpoints.Query));
        Assert.Equal(2, host.Emulator.Usage.Count(ApiEndpoints.QueryMore));
    }

    [Theory]
    [InlineData("Bob's Burgers")]
    [InlineData(@"C:\temp")]
    [InlineData(@"a\' OR Name != 'x")]
    [InlineData("tab\there \"quoted\"")]
    public async Task QueryAsync_QuotedValue_MatchesOnlyThatRecord(string name)
    {
        await using var host = await SapiHost.StartAsync();
        SoqlQueryTests.Seed(host.Emulator, "Account", new() { ["Name"] = name });
        SoqlQueryTests.Seed(host.Emulator, "Account", new() { ["Name"] = "Other" });
        var client = host.App.Services.GetRequiredService<SalesforceRestClient>();

        var rows = await client.QueryAsync(
            $"SELECT Name FROM Account WHERE Name = {Soql.Quote(name)}", EmulatorHost.Cancel);

        var row = Assert.Single(rows);
        Assert.Equal(name, row["Name"]!.GetValue<string>());
    }

    [Fact]
    public void Soql_Literals_UseSoqlSyntax()
    {
        Assert.Equal(@"'Bob\'s Burgers'", Soql.Quote("Bob's Burgers"));
        Assert.Equal(@"'C:\\temp'", Soql.Quote(@"C:\temp"));
        Assert.Equal("('a', 'b\\'c')", Soql.QuoteList(["a", "b'c"]));
        Assert.Equal("2026-01-31", Soql.Literal(new DateOnly(2026, 1, 31)));
        var instant = new DateTimeOffset(2026, 1, 31, 11, 0, 0, TimeSpan.FromHours(1));
        Assert.Equal("2026-01-31T10:00:00Z", Soql.Literal(instant));
        Assert.Equal("12.5", Soql.Literal(12.5m));
        Assert.Equal("TRUE", Soql.Literal(true));
    }

    [Fact]
    public async Task QueryAsync_MalformedQuery_RaisesWithErrorCode()
    {
        await using var host = await SapiHost.StartAsync();
        var client = host.App.Services.GetRequiredService<SalesforceRestClient>();

        var exception = await Assert.ThrowsAsync<SalesforceApiException>(
            () => client.QueryAsync("SELECT Id FROM Account WHERE", EmulatorHost.Cancel));

        Assert.Equal("MALFORMED_QUERY", exception.ErrorCode);
        Assert.Contains("ERROR at Row:1:Column:29", exception.Message, StringComparison.Ordinal);
    }
}
