using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DaprSync.SalesforceEmulator.Limits;
using DaprSync.SalesforceSapi.Rest;
using DaprSync.SalesforceSapi.Tests.Emulator;
using Microsoft.Extensions.DependencyInjection;

namespace DaprSync.SalesforceSapi.Tests.Sapi;

public sealed class ApiLimitTests
{
    [Fact]
    public async Task Limit_Exhausted_Returns503WithoutReauthentication()
    {
        await using var host = await SapiHost.StartAsync();
        var id = SoqlQueryTests.Seed(host.Emulator, "Account", new() { ["Name"] = "Limited" });
        await host.Client.GetAccountAsync(id, EmulatorHost.Cancel);
        var tokensBefore = host.Emulator.Usage.Count(ApiEndpoints.OAuthToken);
        using var admin = new HttpClient { BaseAddress = host.Emulator.BaseAddress };
        using var exhaust = await admin.PostAsync(
            new Uri("admin/api-usage/exhaust", UriKind.Relative), null, EmulatorHost.Cancel);
        Assert.Equal(HttpStatusCode.NoContent, exhaust.StatusCode);
        var queriesBefore = host.Emulator.Usage.Count(ApiEndpoints.Query);

        using var first = await host.Http.GetAsync(new Uri($"accounts/{id}", UriKind.Relative), EmulatorHost.Cancel);
        using var second = await host.Http.GetAsync(new Uri($"accounts/{id}", UriKind.Relative), EmulatorHost.Cancel);
        var problem = await first.Content.ReadFromJsonAsync<JsonObject>(EmulatorHost.Cancel);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Equal("REQUEST_LIMIT_EXCEEDED", problem!["errorCode"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        Assert.Equal(tokensBefore, host.Emulator.Usage.Count(ApiEndpoints.OAuthToken));

        // The rejected call is not counted, and the second one never reaches Salesforce during the back-off.
        Assert.Equal(queriesBefore, host.Emulator.Usage.Count(ApiEndpoints.Query));
    }

    [Fact]
    public async Task LimitInfo_EveryResponse_UpdatesRemainingGauge()
    {
        var emulatorSettings = new Dictionary<string, string?> { ["SalesforceEmulator:DailyApiRequestLimit"] = "50" };
        await using var host = await SapiHost.StartAsync(emulatorSettings: emulatorSettings);
        var id = SoqlQueryTests.Seed(host.Emulator, "Account", new() { ["Name"] = "Counted" });
        var measurements = new List<long>();

        // Only this host's gauge: tests running in parallel start other hosts with meters of the same name.
        var meterFactory = host.App.Services.GetRequiredService<IMeterFactory>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, meterListener) =>
        {
            if (instrument.Meter.Name == ApiLimitMonitor.MeterName && ReferenceEquals(instrument.Meter.Scope, meterFactory))
            {
                meterListener.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => measurements.Add(value));
        listener.Start();

        for (var i = 0; i < 3; i++)
        {
            await host.Client.GetAccountAsync(id, EmulatorHost.Cancel);
        }

        listener.RecordObservableInstruments();
        var monitor = host.App.Services.GetRequiredService<ApiLimitMonitor>();
        Assert.Equal(50 - host.Emulator.Usage.DailyUsed, monitor.Remaining);
        Assert.Equal(47, monitor.Remaining);
        Assert.Equal([47L], measurements);
    }
}
