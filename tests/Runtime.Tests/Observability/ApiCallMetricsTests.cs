using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using DaprSync.Runtime.Observability;
using Microsoft.Extensions.DependencyInjection;

namespace DaprSync.Runtime.Tests.Observability;

public sealed class ApiCallMetricsTests : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, long Value, Dictionary<string, object?> Tags)> _measurements = new();

    public ApiCallMetricsTests()
    {
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = _services.GetRequiredService<IMeterFactory>();
        Metrics = new DaprSyncMetrics(factory, new AppIdentity("test-app"));

        // Only this test's meter, which the factory of this container created, is listened to.
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == DaprSyncTelemetry.Name && instrument.Meter.Scope == factory)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            _measurements.Enqueue((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        _listener.Start();
    }

    private DaprSyncMetrics Metrics { get; }

    [Theory]
    [InlineData("https://x.my.salesforce.com/services/data/v62.0/sobjects/Account/001000000000001AAA", "GET /services/data/v62.0/sobjects/Account/{id}")]
    [InlineData("https://x.suitetalk.api.netsuite.com/services/rest/record/v1/customer/eid:001A?replace=addressBook", "GET /services/rest/record/v1/customer/{id}")]
    [InlineData("https://x.suitetalk.api.netsuite.com/services/rest/record/v1/customer/1234", "GET /services/rest/record/v1/customer/{id}")]
    [InlineData("https://x.my.salesforce.com/services/data/v62.0/query?q=SELECT+Id", "GET /services/data/v62.0/query")]
    public void EndpointName_RecordIds_AreReplaced(string url, string expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);

        Assert.Equal(expected, EndpointName.Of(request));
    }

    [Fact]
    public async Task SendAsync_SameRequestTwice_CountsTwoCallsAndOneRetry()
    {
        var statuses = new Queue<HttpStatusCode>([HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK]);
        using var client = new HttpClient(new RetryOnceHandler
        {
            InnerHandler = new ApiCallMetricsHandler(Metrics, "netsuite")
            {
                InnerHandler = new StubHandler(() => statuses.Dequeue()),
            },
        });

        using var response = await client.PutAsync(
            new Uri("http://127.0.0.1:9/services/rest/record/v1/customer/77"), null, TestContext.Current.CancellationToken);

        var calls = _measurements.Where(m => m.Instrument == "daprsync.api.calls").ToList();
        var retry = Assert.Single(_measurements, m => m.Instrument == "daprsync.retries");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, calls.Count);
        Assert.Equal(503, calls[0].Tags["http.response.status_code"]);
        Assert.Equal(200, calls[1].Tags["http.response.status_code"]);
        Assert.All(calls, call => Assert.Equal("PUT /services/rest/record/v1/customer/{id}", call.Tags["daprsync.endpoint"]));
        Assert.All(calls, call => Assert.Equal("netsuite", call.Tags["daprsync.system"]));
        Assert.Equal("netsuite", retry.Tags["daprsync.target"]);
    }

    [Fact]
    public void RecordFailed_ZeroCountAndNullCode_SkipsAndTagsUnknown()
    {
        Metrics.RecordFailed("invoice", "POLLER_RECORD_FAILED", 0);
        Metrics.RecordFailed("customer", null);

        var failed = Assert.Single(_measurements, m => m.Instrument == "daprsync.records.failed");
        Assert.Equal("customer", failed.Tags["daprsync.flow"]);
        Assert.Equal("unknown", failed.Tags["error.type"]);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }

    // Sends the same message again after a 503, as the resilience handler outside the metrics handler does.
    private sealed class RetryOnceHandler : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(
            HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var first = await base.SendAsync(request, cancellationToken);
            if (first.StatusCode != HttpStatusCode.ServiceUnavailable)
            {
                return first;
            }

            first.Dispose();
            return await base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class StubHandler(Func<HttpStatusCode> status) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status()));
    }
}
