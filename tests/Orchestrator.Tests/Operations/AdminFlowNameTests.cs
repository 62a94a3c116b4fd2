using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DaprSync.Orchestrator.Operations;
using DaprSync.Orchestrator.Tests.Fakes;

namespace DaprSync.Orchestrator.Tests.Operations;

/// <summary>Flow and poller names, request bodies and dry-run ids that the admin API rejects.</summary>
public sealed class AdminFlowNameTests : IAsyncLifetime
{
    private OperationsHost host = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => host = await OperationsHost.StartAsync();

    public async ValueTask DisposeAsync() => await host.DisposeAsync();

    [Theory]
    [InlineData("GET", "admin/flows/nosuch/pause")]
    [InlineData("POST", "admin/flows/nosuch/pause")]
    [InlineData("POST", "admin/flows/nosuch/resume")]
    [InlineData("GET", "admin/failures?flow=nosuch")]
    [InlineData("GET", "admin/failures/nosuch/001000000000001AAA")]
    [InlineData("POST", "admin/failures/nosuch/retry")]
    [InlineData("POST", "admin/failures/nosuch/001000000000001AAA/retry")]
    [InlineData("POST", "admin/failures/nosuch/001000000000001AAA/resolve")]
    public async Task AdminRoute_UnknownFlow_Returns404NamingFlows(string method, string path)
    {
        using var response = await host.Admin.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = await DetailAsync(response);
        Assert.Contains("'nosuch'", detail, StringComparison.Ordinal);
        foreach (var flow in SyncFlows.All)
        {
            Assert.Contains(flow, detail, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(host.State.Keys, key => key.Contains("nosuch", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("admin/pollers/nosuch/run")]
    [InlineData("admin/pollers/nosuch/watermark/reset")]
    [InlineData("admin/pollers/customer/run")]
    public async Task PollerRoute_UnknownPoller_Returns404NamingPollers(string path)
    {
        using var response = await host.Admin.PostAsync(path, null, Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("invoice, refund, fulfilment", await DetailAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pause_RepeatedWithoutBody_KeepsReason()
    {
        using var first = await host.Admin.PostAsJsonAsync(
            "admin/flows/invoice/pause", new PauseRequest("NetSuite maintenance"), Token);
        var paused = await first.Content.ReadFromJsonAsync<FlowPause>(JsonSerializerOptions.Web, Token);
        host.Time.Advance(TimeSpan.FromMinutes(5));

        using var again = await host.Admin.PostAsync("admin/flows/invoice/pause", null, Token);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var repeated = await again.Content.ReadFromJsonAsync<FlowPause>(JsonSerializerOptions.Web, Token);
        Assert.Equal("NetSuite maintenance", repeated?.Reason);
        Assert.Equal(paused?.PausedAt, repeated?.PausedAt);
        var stored = await host.Admin.GetStringAsync("admin/flows/invoice/pause", Token);
        Assert.Contains("NetSuite maintenance", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pause_NewReason_ReplacesReason()
    {
        using var first = await host.Admin.PostAsJsonAsync("admin/flows/order/pause", new PauseRequest("first"), Token);

        using var second = await host.Admin.PostAsJsonAsync("admin/flows/order/pause", new PauseRequest("second"), Token);

        var pause = await second.Content.ReadFromJsonAsync<FlowPause>(JsonSerializerOptions.Web, Token);
        Assert.Equal("second", pause?.Reason);
    }

    [Fact]
    public async Task Pause_MalformedJson_Returns400Problem()
    {
        using var body = new StringContent("{not json", Encoding.UTF8, "application/json");

        using var response = await host.Admin.PostAsync("admin/flows/customer/pause", body, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        Assert.Equal("Invalid request body", problem.RootElement.GetProperty("title").GetString());
        Assert.Equal("body", problem.RootElement.GetProperty("field").GetString());
        Assert.DoesNotContain(host.State.Keys, key => key.StartsWith("paused:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WatermarkReset_InvalidDate_Returns400NamingField()
    {
        using var body = new StringContent("""{"to":"yesterday"}""", Encoding.UTF8, "application/json");

        using var response = await host.Admin.PostAsync("admin/pollers/invoice/watermark/reset", body, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        Assert.Equal("to", problem.RootElement.GetProperty("field").GetString());
        var detail = problem.RootElement.GetProperty("detail").GetString();
        Assert.Contains("'to'", detail, StringComparison.Ordinal);
        Assert.Contains("2026-01-01T00:00:00Z", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DryRun_MalformedAccountId_Returns400Problem()
    {
        host.Salesforce.ReadFailures.Enqueue(await ApiExceptions.CreateAsync(
            HttpStatusCode.BadRequest,
            ApiExceptions.Problem(400, "Invalid Account id", "'doesnotexist' is not a Salesforce Account id.",
                "MALFORMED_ID", null),
            HttpMethod.Get));

        using var response = await host.Admin.PostAsync("admin/dry-run/customer/doesnotexist", null, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        Assert.Equal("Invalid Account id", problem.RootElement.GetProperty("title").GetString());
        Assert.Contains("'doesnotexist'", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("accountId", problem.RootElement.GetProperty("field").GetString());
    }

    [Fact]
    public async Task DryRun_MissingAccount_Returns404Problem()
    {
        using var response = await host.Admin.PostAsync("admin/dry-run/customer/001000000000009AAA", null, Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("001000000000009AAA", await DetailAsync(response), StringComparison.Ordinal);
    }

    private static async Task<string> DetailAsync(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        return problem.RootElement.GetProperty("detail").GetString() ?? "";
    }
}
