using System.Net;
using DaprSync.Orchestrator;
using DaprSync.TestSupport;

namespace DaprSync.Standalone.Tests;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Orchestrator_Healthz_ReturnsHealthy()
    {
        await using var host = await LoopbackApp.StartAsync(
            builder => builder.AddOrchestrator(),
            app => app.MapOrchestrator());
        using var client = new HttpClient { BaseAddress = host.BaseAddress };

        var response = await client.GetAsync(new Uri("healthz", UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Healthy", body, StringComparison.Ordinal);
    }
}
