using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Dapr.Client;
using DaprSync.Contracts;
using DaprSync.NetSuiteEmulator.Records;
using DaprSync.NetSuiteSapi;
using DaprSync.Orchestrator;
using DaprSync.SalesforceSapi;
using DaprSync.Standalone.Hosting;
using DaprSync.Standalone.Sandbox;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DaprSync.Deploy.Tests.Smoke;

/// <summary>
/// Flow F1 through real Dapr sidecars: the three apps and both emulators run on this machine's
/// loopback, and each app gets a daprd container (with Redis, placement and scheduler) that reaches
/// it through Testcontainers' exposed host ports. An Account created in the Salesforce emulator must
/// arrive as a NetSuite Customer, over Dapr pub/sub and service invocation.
/// NOTE: sidecar-to-sidecar invocation relies on daprd's default mDNS name resolution between the
/// containers of one Docker network, which has not been tried here.
/// Prerequisites: a Docker engine that can pull <c>daprio/daprd</c>, <c>daprio/placement</c>,
/// <c>daprio/scheduler</c>, <c>redis</c> and <c>testcontainers/sshd</c>. It skips without an engine.
/// </summary>
public sealed class DaprCustomerFlowSmokeTests
{
    private static readonly string[] AppIdsInStartOrder = [AppIds.Orchestrator, AppIds.NetSuiteSapi, AppIds.SalesforceSapi];

    [Fact]
    public async Task RealSidecars_AccountCreated_ReachesNetSuite()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        if (await DockerEngine.FindUnavailableReasonAsync(cancellationToken) is { } reason)
        {
            Assert.Skip(reason);
        }

        await using var emulators = await SandboxEmulators.StartAsync(new ConfigurationBuilder().Build(), cancellationToken);
        var appPorts = AppIdsInStartOrder.ToDictionary(id => id, _ => FreeLoopbackPort());
        await TestcontainersSettings.ExposeHostPortsAsync([.. appPorts.Values], cancellationToken);

        await using var network = new NetworkBuilder().Build();
        await network.CreateAsync(cancellationToken);
        await using var controlPlane = await DaprContainers.StartControlPlaneAsync(network, cancellationToken);
        var sidecars = new Dictionary<string, IContainer>();
        var apps = new List<LoopbackHost>();
        try
        {
            foreach (var appId in AppIdsInStartOrder)
            {
                var sidecar = DaprContainers.BuildSidecar(network, appId, appPorts[appId], waitForApp: false);
                sidecars[appId] = sidecar;
                await sidecar.StartAsync(cancellationToken);
            }

            foreach (var appId in AppIdsInStartOrder)
            {
                apps.Add(await StartAppAsync(appId, appPorts[appId], sidecars[appId], emulators, cancellationToken));
            }

            using var loader = await SalesforceLoader.SignInAsync(emulators.SalesforceRestAddress, cancellationToken);
            var ids = await loader.CreateTreeAsync("Account", [Account()], cancellationToken);
            var accountId = ids["smoke"];

            var customers = emulators.NetSuite.Services.GetRequiredService<NetSuiteRecords>();
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (!customers.Customers.Any(customer => customer.ExternalId == accountId) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(250, cancellationToken);
            }

            var created = Assert.Single(customers.Customers, customer => customer.ExternalId == accountId);
            Assert.Equal("Sidecar Supplies", created.CompanyName);
        }
        finally
        {
            Environment.SetEnvironmentVariable("DAPR_HTTP_ENDPOINT", null);
            foreach (var app in apps)
            {
                await app.DisposeAsync();
            }

            foreach (var sidecar in sidecars.Values)
            {
                await sidecar.DisposeAsync();
            }
        }
    }

    private static async Task<LoopbackHost> StartAppAsync(
        string appId, ushort port, IContainer sidecar, SandboxEmulators emulators, CancellationToken cancellationToken)
    {
        var (http, grpc) = DaprContainers.EndpointsOf(sidecar);
        var settings = new Dictionary<string, string?>(emulators.AppSettings())
        {
            ["Runtime:Mode"] = "Dapr",
            ["DAPR_HTTP_ENDPOINT"] = http,
            ["DAPR_GRPC_ENDPOINT"] = grpc,
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        // NOTE: Dapr's InvocationHandler reads the sidecar address from the environment only, so the
        // orchestrator, the one app that invokes others, gets it there. Never run: see DaprContainers.
        if (appId == AppIds.Orchestrator)
        {
            Environment.SetEnvironmentVariable("DAPR_HTTP_ENDPOINT", http);
        }

        using var daprClient = new DaprClientBuilder().UseHttpEndpoint(http).UseGrpcEndpoint(grpc).Build();
        await daprClient.WaitForSidecarAsync(cancellationToken);
        return await LoopbackHost.StartAsync(
            appId,
            configuration,
            builder =>
            {
                Add(appId, builder);

                // Each app of this process has its own sidecar, so each gets its own client.
                builder.Services.AddSingleton(_ => new DaprClientBuilder().UseHttpEndpoint(http).UseGrpcEndpoint(grpc).Build());
            },
            app => Map(appId, app),
            [(port, HttpProtocols.Http1)],
            cancellationToken);
    }

    private static void Add(string appId, WebApplicationBuilder builder)
    {
        switch (appId)
        {
            case AppIds.Orchestrator:
                builder.AddOrchestrator();
                break;
            case AppIds.NetSuiteSapi:
                builder.AddNetSuiteSapi();
                break;
            default:
                builder.AddSalesforceSapi();
                break;
        }
    }

    private static void Map(string appId, WebApplication app)
    {
        switch (appId)
        {
            case AppIds.Orchestrator:
                app.MapOrchestrator();
                break;
            case AppIds.NetSuiteSapi:
                app.MapNetSuiteSapi();
                break;
            default:
                app.MapSalesforceSapi();
                break;
        }
    }

    private static JsonObject Account() => new()
    {
        ["attributes"] = new JsonObject { ["type"] = "Account", ["referenceId"] = "smoke" },
        ["Name"] = "Sidecar Supplies",
        ["BillingStreet"] = "1 Sidecar Street",
        ["BillingCity"] = "Testville",
        ["BillingCountry"] = "UK",
    };

    // The sidecars need each app's port before the app starts, so the port is picked, released and
    // bound again by Kestrel. Another process could take it in between, which would fail the start.
    private static ushort FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return (ushort)((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
