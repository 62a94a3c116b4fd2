using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using DaprSync.Contracts;
using DaprSync.Orchestrator.Outcomes;
using DaprSync.Runtime.Observability;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace DaprSync.Standalone.Tests.Observability;

/// <summary>
/// Flow F1 under the OpenTelemetry SDK with the apps' own tracing set-up and an exporter that collects spans in memory. The
/// Pub/Sub bridge in sf-sapi starts the trace and the in-process bus carries it to the orchestrator.
/// Service invocation then carries it to ns-sapi and on to the NetSuite emulator.
/// </summary>
public sealed class TracePropagationTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AccountEvent_ThreeApps_ShareTraceId()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var tracing = Sdk.CreateTracerProviderBuilder()
            .AddDaprSyncTracing()
            .AddProcessor(new SimpleActivityExportProcessor(new QueueExporter(spans)))
            .Build();
        await using var sandbox = await SandboxFixture.StartAsync();
        using var loader = await sandbox.SignInAsLoaderAsync();

        var accountId = await CreateAccountAsync(loader);
        var outcomes = await sandbox.WaitForOutcomesAsync(o => o.Any(x => x.RecordId == accountId));
        Assert.Equal(SyncOutcomes.Synced, Assert.Single(outcomes, o => o.RecordId == accountId).Outcome);
        // Other tests of this assembly run at the same time and export to this provider too, so the spans of
        // this run are found through this account's id and its trace. Several spans that the checks below look
        // for can end after the outcome is stored, so the spans are read again until every one of them is there.
        // The bridge's receive span can end late, and so can the bus's delivery span, which ends after the bus
        // has read the orchestrator's response and recorded the delivery. ASP.NET Core ends a server span when
        // it disposes the request, which can be after the client has read the response.
        var orchestratorPort = sandbox.Host.App(AppIds.Orchestrator).BaseAddress.Port;
        var netSuiteSapiPort = sandbox.Host.App(AppIds.NetSuiteSapi).BaseAddress.Port;
        bool IsReceive(Activity span, IEnumerable<Activity> all) =>
            span.DisplayName == "/event/AccountsEvent__e receive"
            && span.ParentSpanId == default
            && ServerPortOf(all, span.TraceId, orchestratorPort) is not null
            && Customer(all, span.TraceId, accountId) is not null;
        bool IsTraceComplete(Activity receive, IEnumerable<Activity> all) =>
            IsReceive(receive, all)
            && all.Any(span => span.TraceId == receive.TraceId && span.DisplayName == $"{Topics.AccountChanged} deliver")
            && ServerPortOf(all, receive.TraceId, netSuiteSapiPort) is not null
            && ClientPortOf(all, receive.TraceId, netSuiteSapiPort) is not null;

        List<Activity> exported;
        var waited = Stopwatch.StartNew();
        do
        {
            tracing.ForceFlush();
            exported = [.. spans];
            if (exported.Any(span => IsTraceComplete(span, exported)))
            {
                break;
            }

            await Task.Delay(100, Token);
        }
        while (waited.Elapsed < TimeSpan.FromSeconds(10));

        var receive = Assert.Single(exported, span => IsReceive(span, exported));
        var trace = exported.Where(span => span.TraceId == receive.TraceId).ToList();

        var delivery = Assert.Single(trace, span => span.DisplayName == $"{Topics.AccountChanged} deliver");
        var orchestratorServer = ServerPortOf(trace, receive.TraceId, sandbox.Host.App(AppIds.Orchestrator).BaseAddress.Port)!;
        var netSuiteSapiServer = ServerPortOf(trace, receive.TraceId, sandbox.Host.App(AppIds.NetSuiteSapi).BaseAddress.Port);
        var emulatorCustomerRequest = Customer(trace, receive.TraceId, accountId);

        Assert.Equal(receive.SpanId, delivery.ParentSpanId);
        Assert.Equal(ActivityKind.Server, orchestratorServer.Kind);
        Assert.NotNull(netSuiteSapiServer);
        Assert.NotNull(emulatorCustomerRequest);

        // The app directory has already turned http://ns-sapi/ into the loopback address when the
        // HttpClient instrumentation records the orchestrator's call.
        Assert.Contains(trace, span => span.Kind == ActivityKind.Client
            && span.GetTagItem("server.port") is int port && port == netSuiteSapiServer.GetTagItem("server.port") as int?);
    }

    private static Activity? ServerPortOf(IEnumerable<Activity> spans, ActivityTraceId traceId, int port) =>
        spans.FirstOrDefault(span => span.TraceId == traceId
            && span.Kind == ActivityKind.Server
            && span.GetTagItem("server.port") is int serverPort && serverPort == port);

    private static Activity? ClientPortOf(IEnumerable<Activity> spans, ActivityTraceId traceId, int port) =>
        spans.FirstOrDefault(span => span.TraceId == traceId
            && span.Kind == ActivityKind.Client
            && span.GetTagItem("server.port") is int serverPort && serverPort == port);

    // ns-sapi's request to the NetSuite emulator addresses the customer by its external id.
    private static Activity? Customer(IEnumerable<Activity> spans, ActivityTraceId traceId, string accountId) =>
        spans.FirstOrDefault(span => span.TraceId == traceId
            && span.Kind == ActivityKind.Client
            && (span.GetTagItem("url.full") as string)?.Contains("/record/v1/customer", StringComparison.Ordinal) == true
            && (span.GetTagItem("url.full") as string)?.Contains(accountId, StringComparison.Ordinal) == true);

    private static async Task<string> CreateAccountAsync(Sandbox.SalesforceLoader loader)
    {
        var record = new JsonObject
        {
            ["attributes"] = new JsonObject { ["type"] = "Account", ["referenceId"] = "traced" },
            ["Name"] = "Traced Traders",
            ["BillingStreet"] = "1 Span Street",
            ["BillingCity"] = "Testville",
            ["BillingCountry"] = "UK",
        };
        var ids = await loader.CreateTreeAsync("Account", [record], Token);
        return ids["traced"];
    }
}
