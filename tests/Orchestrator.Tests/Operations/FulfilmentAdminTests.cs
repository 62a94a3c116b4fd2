using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DaprSync.Contracts.NetSuite;
using DaprSync.Contracts.Salesforce;
using DaprSync.Orchestrator.Operations;
using DaprSync.Orchestrator.Outcomes;
using DaprSync.Orchestrator.Polling;
using DaprSync.Orchestrator.Tests.Polling;
using Microsoft.Extensions.DependencyInjection;

namespace DaprSync.Orchestrator.Tests.Operations;

/// <summary>
/// The fulfilment poller through the admin API: run, watermark reset, status page and the retry of a failure.
/// Both System APIs are the fulfilment fakes of the project's own contracts, because the other apps do not run.
/// </summary>
public sealed class FulfilmentAdminTests : IAsyncLifetime
{
    private readonly FulfilmentNetSuiteFake netSuite = new();
    private readonly FulfilmentSalesforceFake salesforce = new();
    private OperationsHost host = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => host = await OperationsHost.StartAsync(configure: services =>
    {
        services.AddSingleton<INetSuiteSapi>(netSuite);
        services.AddSingleton<ISalesforceSapi>(salesforce);
    });

    public async ValueTask DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task RunPoller_Fulfilment_UpdatesOrder()
    {
        salesforce.AddOrder("501");
        netSuite.Fulfil(Fulfilment("901", "501", ["1Z001"]));

        using var response = await host.Admin.PostAsync("admin/pollers/fulfilment/run", null, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var run = await response.Content.ReadFromJsonAsync<PollerRunResult>(JsonSerializerOptions.Web, Token);
        Assert.Equal("fulfilment", run?.Poller);
        Assert.Equal(1, run?.Upserted);
        Assert.Equal(["1Z001"], salesforce.ShippingOf("501")?.TrackingNumbers);
    }

    [Fact]
    public async Task WatermarkReset_Fulfilment_StoresValue()
    {
        var to = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

        using var response = await host.Admin.PostAsJsonAsync(
            "admin/pollers/fulfilment/watermark/reset", new WatermarkResetRequest(to), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var watermarks = host.App.Services.GetRequiredService<WatermarkStore>();
        var stored = await watermarks.ReadAsync("fulfilment", DateTimeOffset.UnixEpoch, null, Token);
        Assert.Equal(to, stored.Watermark.Value);
    }

    [Fact]
    public async Task StatusPage_Flows_IncludeEveryPoller()
    {
        var model = await host.App.Services.GetRequiredService<StatusPageReader>().ReadAsync(Token);

        Assert.Equal(SyncFlows.All, model.Flows.Select(f => f.Flow).ToList());
        Assert.True(model.Flows.Single(f => f.Flow == "fulfilment").IsPoller);
        Assert.Contains("fulfilment", await host.Admin.GetStringAsync("admin/status", Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_FulfilmentFailure_SendsCurrentFulfilments()
    {
        netSuite.Fulfil(Fulfilment("901", "501", ["1Z001"]));
        using (await host.Admin.PostAsync("admin/pollers/fulfilment/run", null, Token))
        {
        }

        var failure = Assert.Single(await FailuresAsync());
        Assert.Equal("901", failure.RecordId);
        Assert.Equal("NOT_FOUND", failure.ErrorCode);
        Assert.NotNull(failure.Retry);
        salesforce.AddOrder("501");

        using var response = await host.Admin.PostAsync("admin/failures/fulfilment/901/retry", null, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<RetryResult>(JsonSerializerOptions.Web, Token);
        Assert.Equal("Fulfilments sent again: Synced", result?.Action);
        Assert.Equal(FailureStatus.Resolved, result?.Outcome?.Status);
        Assert.Equal(["1Z001"], salesforce.ShippingOf("501")?.TrackingNumbers);
        Assert.Equal("901", salesforce.ShippingOf("501")?.FulfilmentNetSuiteId);
    }

    [Fact]
    public async Task Retry_FulfilmentStillRejected_KeepsFailureOpen()
    {
        netSuite.Fulfil(Fulfilment("901", "501", ["1Z001"]));
        using (await host.Admin.PostAsync("admin/pollers/fulfilment/run", null, Token))
        {
        }

        using var response = await host.Admin.PostAsync("admin/failures/fulfilment/901/retry", null, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<RetryResult>(JsonSerializerOptions.Web, Token);
        Assert.Equal("Fulfilments sent again: Failed", result?.Action);
        var failure = Assert.Single(await FailuresAsync());
        Assert.Equal(FailureStatus.Open, failure.Status);
        Assert.Equal(2, failure.Attempts);
        Assert.NotNull(failure.Retry);
    }

    private async Task<List<SyncOutcome>> FailuresAsync() =>
        await host.Admin.GetFromJsonAsync<List<SyncOutcome>>(
            "admin/failures?flow=fulfilment", JsonSerializerOptions.Web, Token) ?? [];

    private NetSuiteFulfilment Fulfilment(string id, string orderId, IReadOnlyList<string> tracking) =>
        new(id, $"IF{id}", orderId, new DateOnly(2026, 3, 1), "UPS", tracking, "Shipped",
            host.Time.GetUtcNow().AddHours(-1));
}
