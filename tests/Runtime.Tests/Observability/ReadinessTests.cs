using System.Net;
using System.Text.Json;
using Dapr.Client;
using DaprSync.Runtime.Observability;
using DaprSync.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;

namespace DaprSync.Runtime.Tests.Observability;

public sealed class ReadinessTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Readyz_InProcess_ChecksSqliteDatabase()
    {
        var path = Path.Combine(Path.GetTempPath(), $"daprsync-ready-{Guid.NewGuid():N}.db");
        await using var app = await StartAsync(new Dictionary<string, string?> { ["Runtime:SqlitePath"] = path });

        var (status, body) = await GetReadyzAsync(app);

        Assert.Equal(HttpStatusCode.OK, status);
        var runtime = RuntimeCheck(body);
        Assert.Equal("Healthy", runtime.GetProperty("status").GetString());
        Assert.Contains("SQLite", runtime.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    // DaprClient is mocked because no daprd sidecar can run on the build machines.
    [Theory]
    [InlineData(true, HttpStatusCode.OK, "Healthy")]
    [InlineData(false, HttpStatusCode.ServiceUnavailable, "Unhealthy")]
    public async Task Readyz_Dapr_ReflectsSidecarHealth(bool sidecarHealthy, HttpStatusCode expected, string status)
    {
        var dapr = Substitute.For<DaprClient>();
        dapr.CheckHealthAsync(Arg.Any<CancellationToken>()).Returns(sidecarHealthy);
        await using var app = await StartAsync(
            new Dictionary<string, string?> { ["Runtime:Mode"] = "Dapr" },
            services => services.AddSingleton(dapr));

        var (code, body) = await GetReadyzAsync(app);

        Assert.Equal(expected, code);
        Assert.Equal(status, RuntimeCheck(body).GetProperty("status").GetString());
        await dapr.Received(1).CheckHealthAsync(Arg.Any<CancellationToken>());
    }

    private static async Task<LoopbackApp> StartAsync(
        Dictionary<string, string?> settings,
        Action<IServiceCollection>? replace = null) =>
        await LoopbackApp.StartAsync(
            builder =>
            {
                builder.AddDaprSyncRuntime("test-app");
                builder.AddDaprSyncObservability("test-app");
                replace?.Invoke(builder.Services);
            },
            app => app.MapDaprSyncReadiness(),
            settings: settings);

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetReadyzAsync(LoopbackApp app)
    {
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        using var response = await client.GetAsync(new Uri("readyz", UriKind.Relative), Token);
        var json = await response.Content.ReadAsStringAsync(Token);
        return (response.StatusCode, JsonDocument.Parse(json).RootElement.Clone());
    }

    private static JsonElement RuntimeCheck(JsonElement body) =>
        body.GetProperty("checks").EnumerateArray().Single(check => check.GetProperty("name").GetString() == "runtime");
}
