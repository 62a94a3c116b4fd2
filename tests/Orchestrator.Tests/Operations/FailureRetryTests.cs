using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DaprSync.Orchestrator.Outcomes;
using DaprSync.Orchestrator.Tests.Fakes;

namespace DaprSync.Orchestrator.Tests.Operations;

public sealed class FailureRetryTests : IAsyncLifetime
{
    private const string AccountId = "001000000000001AAA";

    private OperationsHost host = null!;

    public async ValueTask InitializeAsync() => host = await OperationsHost.StartAsync();

    public async ValueTask DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Retry_FixedRejection_ResolvesFailure()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        host.Salesforce.Add(TestAccounts.Alfreds(AccountId));
        host.NetSuite.Failures.Enqueue(await FakeNetSuiteSapi.RejectionAsync(
            "INVALID_FLD_VALUE", "terms", "Terms 'Net 30' is inactive in NetSuite."));
        Assert.Equal("SUCCESS", await Events.DeliverAccountChangedAsync(host.Client, AccountId, "evt-1"));
        var open = await ListAsync("admin/failures?flow=customer&status=Open");
        Assert.Equal(AccountId, Assert.Single(open).RecordId);
        Assert.Equal(0, host.NetSuite.CustomerCount);

        // The queued rejection was used up by the first attempt, as if the terms were activated in NetSuite.
        using var retry = await host.Admin.PostAsync($"admin/failures/customer/{AccountId}/retry", null, cancellationToken);

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var outcome = await host.Admin.GetFromJsonAsync<SyncOutcome>(
            $"admin/failures/customer/{AccountId}", JsonSerializerOptions.Web, cancellationToken);
        Assert.Equal(FailureStatus.Resolved, outcome!.Status);
        Assert.Equal(SyncOutcomes.Synced, outcome.Outcome);
        Assert.Equal(2, outcome.Attempts);
        Assert.Equal(1, host.NetSuite.CustomerCount);
        Assert.Empty(await ListAsync("admin/failures?status=Open"));
    }

    [Fact]
    public async Task Retry_FlowPaused_Returns409()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        host.Salesforce.Add(TestAccounts.Alfreds(AccountId) with { Name = " " });
        await Events.DeliverAccountChangedAsync(host.Client, AccountId, "evt-1");
        using var pause = await host.Admin.PostAsync("admin/flows/customer/pause", null, cancellationToken);

        using var retry = await host.Admin.PostAsync($"admin/failures/customer/{AccountId}/retry", null, cancellationToken);

        Assert.Equal(HttpStatusCode.Conflict, retry.StatusCode);
    }

    [Fact]
    public async Task Resolve_OpenFailure_KeepsError()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        host.Salesforce.Add(TestAccounts.Alfreds(AccountId) with { Name = " " });
        await Events.DeliverAccountChangedAsync(host.Client, AccountId, "evt-1");

        using var resolve = await host.Admin.PostAsync($"admin/failures/customer/{AccountId}/resolve", null, cancellationToken);

        Assert.Equal(HttpStatusCode.OK, resolve.StatusCode);
        var resolved = Assert.Single(await ListAsync("admin/failures?status=Resolved"));
        Assert.Equal(SyncOutcomes.Failed, resolved.Outcome);
        Assert.NotNull(resolved.ErrorCode);
        Assert.Empty(await ListAsync("admin/failures?status=Open"));
    }

    [Fact]
    public async Task StatusFragment_ScriptInCustomerName_IsEncoded()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        const string Name = "<script>alert('x')</script>";
        host.Salesforce.Add(TestAccounts.Alfreds(AccountId) with { Name = Name });
        host.NetSuite.Failures.Enqueue(await FakeNetSuiteSapi.RejectionAsync(
            "DUP_ENTITY", "companyName", $"A customer named {Name} already exists."));
        await Events.DeliverAccountChangedAsync(host.Client, AccountId, "evt-1");

        var html = await host.Admin.GetStringAsync("admin/status", cancellationToken);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains($"data-record=\"{AccountId}\"", html, StringComparison.Ordinal);
        Assert.Contains("14250 requests left today", html, StringComparison.Ordinal);
        Assert.Contains("2 of 5 requests in flight", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusPage_Shell_SetsStrictPolicy()
    {
        using var response = await host.Client.GetAsync("status", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("<script src=\"/status/app.js\" defer></script>", html, StringComparison.Ordinal);
    }

    private async Task<List<SyncOutcome>> ListAsync(string path) =>
        (await host.Admin.GetFromJsonAsync<List<SyncOutcome>>(path, JsonSerializerOptions.Web, TestContext.Current.CancellationToken))!;
}
