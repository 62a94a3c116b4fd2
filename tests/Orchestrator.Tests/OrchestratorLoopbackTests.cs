using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DaprSync.Orchestrator.Outcomes;
using DaprSync.Orchestrator.Tests.Fakes;
using DaprSync.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace DaprSync.Orchestrator.Tests;

/// <summary>
/// The orchestrator on a real Kestrel server, reached over loopback HTTP the way the Dapr sidecar (or the
/// in-process bus) reaches it. The System APIs and the state store are fakes of the project's own seams.
/// </summary>
public sealed class OrchestratorLoopbackTests : IAsyncLifetime
{
    private const string AccountId = "001000000000001AAA";

    private readonly FakeSalesforceSapi salesforce = new();
    private readonly FakeNetSuiteSapi netSuite = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private LoopbackApp app = null!;
    private HttpClient client = null!;

    public async ValueTask InitializeAsync()
    {
        var state = new InMemoryStateStore(time);
        app = await LoopbackApp.StartAsync(
            builder =>
            {
                builder.AddOrchestrator();
                OrchestratorHarness.ReplaceSeams(builder.Services, salesforce, netSuite, time, state);
            },
            web => web.MapOrchestrator());
        client = new HttpClient { BaseAddress = app.BaseAddress };
    }

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task DaprSubscribe_ListsAccountChangedSubscription()
    {
        var cancellationToken = TestContext.Current.CancellationToken;

        using var subscriptions = JsonDocument.Parse(await client.GetStringAsync("dapr/subscribe", cancellationToken));

        var subscription = Assert.Single(
            subscriptions.RootElement.EnumerateArray(),
            item => item.GetProperty("topic").GetString() == "sf-account-changed");
        // Dapr.AspNetCore 1.19.1 writes pubsubName in camel case and the route without a leading slash.
        Assert.Equal("pubsub", subscription.GetProperty("pubsubName").GetString());
        Assert.Equal("sf-account-changed", subscription.GetProperty("topic").GetString());
        Assert.Equal("events/account-changed", subscription.GetProperty("route").GetString());
        Assert.Equal("deadletter", subscription.GetProperty("deadLetterTopic").GetString());
    }

    [Fact]
    public async Task PostCloudEvent_AccountChanged_SyncsAndReturnsSuccess()
    {
        salesforce.Add(TestAccounts.Alfreds(AccountId));
        var data = $$"""
            {"eventId":"evt-42","accountId":"{{AccountId}}","changeType":"CREATE","createdDate":"2026-03-02T08:59:00Z"}
            """;

        using var response = await PostCloudEventAsync("evt-42", data);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("SUCCESS", await ReadStatusAsync(response));
        Assert.Equal(1, netSuite.CustomerCount);
        Assert.Equal("1001", salesforce.Get(AccountId).NetSuiteId);
        var outcomes = await client.GetFromJsonAsync<List<SyncOutcome>>(
            "sync/flows/customer/outcomes", JsonSerializerOptions.Web, TestContext.Current.CancellationToken);
        var outcome = Assert.Single(outcomes!);
        Assert.Equal(AccountId, outcome.RecordId);
        Assert.Equal("Synced", outcome.Outcome);
        Assert.Equal("1001", outcome.NetSuiteId);
    }

    [Fact]
    public async Task PostCloudEvent_InvalidData_ReturnsDrop()
    {
        using var response = await PostCloudEventAsync("ce-99", "\"not an account event\"");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("DROP", await ReadStatusAsync(response));
        var outcomes = await client.GetFromJsonAsync<List<SyncOutcome>>(
            "sync/flows/customer/outcomes", JsonSerializerOptions.Web, TestContext.Current.CancellationToken);
        var outcome = Assert.Single(outcomes!);
        Assert.Equal("event:ce-99", outcome.RecordId);
        Assert.Equal("MALFORMED_EVENT", outcome.ErrorCode);
    }

    [Fact]
    public async Task GetOutcomes_FlowWithoutRecords_ReturnsEmptyList()
    {
        var outcomes = await client.GetFromJsonAsync<List<SyncOutcome>>(
            "sync/flows/invoice/outcomes", JsonSerializerOptions.Web, TestContext.Current.CancellationToken);

        Assert.NotNull(outcomes);
        Assert.Empty(outcomes);
    }

    private async Task<HttpResponseMessage> PostCloudEventAsync(string id, string dataJson)
    {
        var cloudEvent = $$"""
            {
              "specversion": "1.0",
              "id": "{{id}}",
              "source": "sf-sapi",
              "type": "com.dapr.event.sent",
              "topic": "sf-account-changed",
              "pubsubname": "pubsub",
              "datacontenttype": "application/json",
              "data": {{dataJson}}
            }
            """;
        using var content = new StringContent(cloudEvent, Encoding.UTF8, "application/cloudevents+json");
        return await client.PostAsync("events/account-changed", content, TestContext.Current.CancellationToken);
    }

    private static async Task<string?> ReadStatusAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var body = JsonDocument.Parse(text);
        return body.RootElement.GetProperty("status").GetString();
    }
}
