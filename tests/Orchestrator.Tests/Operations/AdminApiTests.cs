using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DaprSync.Orchestrator.Outcomes;

namespace DaprSync.Orchestrator.Tests.Operations;

public sealed class AdminApiTests : IAsyncLifetime
{
    private const string AccountId = "001000000000001AAA";

    private OperationsHost host = null!;

    public async ValueTask InitializeAsync() => host = await OperationsHost.StartAsync();

    public async ValueTask DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Failures_MissingToken_Returns401Problem()
    {
        using var response = await host.Client.GetAsync("admin/failures", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Failures_WrongToken_Returns401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "admin/failures");
        request.Headers.Authorization = new("Bearer", OperationsHost.Token + "x");

        using var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Failures_DaprApiTokenHeader_Returns200()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "admin/failures");
        request.Headers.Add("dapr-api-token", OperationsHost.Token);

        using var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("[]", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AdminApi_NoTokenConfigured_Returns404()
    {
        await using var disabled = await OperationsHost.StartAsync(token: null);

        using var failures = await disabled.Admin.GetAsync("admin/failures", TestContext.Current.CancellationToken);
        using var page = await disabled.Client.GetAsync("status", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, failures.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    [Fact]
    public async Task Pause_AccountEvent_ReturnsRetry()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        host.Salesforce.Add(TestAccounts.Alfreds(AccountId));
        using var pause = await host.Admin.PostAsJsonAsync("admin/flows/customer/pause", new { reason = "NetSuite upgrade" }, cancellationToken);
        Assert.Equal(HttpStatusCode.OK, pause.StatusCode);

        var whilePaused = await Events.DeliverAccountChangedAsync(host.Client, AccountId, "evt-1");

        Assert.Equal("RETRY", whilePaused);
        Assert.Equal(0, host.NetSuite.CustomerCount);
        Assert.Empty(host.NetSuite.Upserts);

        using var resume = await host.Admin.PostAsync("admin/flows/customer/resume", null, cancellationToken);
        var afterResume = await Events.DeliverAccountChangedAsync(host.Client, AccountId, "evt-1");

        Assert.Equal("SUCCESS", afterResume);
        Assert.Equal(1, host.NetSuite.CustomerCount);
    }

    [Fact]
    public async Task Pause_PaymentEvent_ReturnsRetry()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var pause = await host.Admin.PostAsync("admin/flows/payment/pause", null, cancellationToken);
        var data = """{"eventId":"evt-p1","paymentId":"a0P000000000001","amount":250.0,"createdDate":"2026-03-02T08:59:00Z"}""";

        // The fake NetSuite API rejects payment calls, so a handler that ignored the pause would fail with 500.
        var status = await Events.PostCloudEventAsync(host.Client, "events/payment-recorded", "evt-p1", "sf-payment-recorded", data);

        Assert.Equal(HttpStatusCode.OK, pause.StatusCode);
        Assert.Equal("RETRY", status);
        Assert.Empty(await host.Admin.GetFromJsonAsync<List<SyncOutcome>>(
            "admin/failures?flow=payment", JsonSerializerOptions.Web, cancellationToken) ?? []);
    }

    [Fact]
    public async Task DryRun_ValidAccount_WritesNothing()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        host.Salesforce.Add(TestAccounts.Alfreds(AccountId));

        using var response = await host.Admin.PostAsync($"admin/dry-run/customer/{AccountId}", null, cancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        Assert.Equal($"eid:{AccountId}", body.RootElement.GetProperty("upsertBy").GetString());
        Assert.Equal("Alfreds Futterkiste", body.RootElement.GetProperty("request").GetProperty("companyName").GetString());
        Assert.Empty(host.NetSuite.Upserts);
        Assert.Empty(host.Salesforce.Writebacks);
        Assert.DoesNotContain(host.State.Keys, key => key.StartsWith("outcomes:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DryRun_UnknownCountry_Returns422()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var atlantis = TestAccounts.Berlin with { Country = "Atlantis" };
        host.Salesforce.Add(TestAccounts.Alfreds(AccountId) with { BillingAddress = atlantis });

        using var response = await host.Admin.PostAsync($"admin/dry-run/customer/{AccountId}", null, cancellationToken);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        Assert.Contains("Atlantis", body.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.String, body.RootElement.GetProperty("field").ValueKind);
    }

    [Fact]
    public async Task DeadLetter_AccountEvent_IsReplayed()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var data = $$"""{"eventId":"evt-dl","accountId":"{{AccountId}}","changeType":"UPDATE","createdDate":"2026-03-02T08:59:00Z"}""";

        var status = await Events.PostCloudEventAsync(host.Client, "events/dead-letter", "evt-dl", "deadletter", data);
        Assert.Equal("SUCCESS", status);

        var failure = await host.Admin.GetFromJsonAsync<SyncOutcome>(
            $"admin/failures/customer/{AccountId}", JsonSerializerOptions.Web, cancellationToken);
        Assert.Equal("DEAD_LETTERED", failure!.ErrorCode);
        Assert.Equal(FailureStatus.Open, failure.Status);
        Assert.Equal("sf-account-changed", failure.Retry?.Target);

        using var replay = await host.Admin.PostAsync("admin/dead-letters/evt-dl/replay", null, cancellationToken);

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        var published = Assert.Single(host.Published.Events);
        Assert.Equal("sf-account-changed", published.Topic);
        Assert.Equal("evt-dl", published.EventId);
        Assert.Contains(AccountId, published.Json, StringComparison.Ordinal);
    }
}
