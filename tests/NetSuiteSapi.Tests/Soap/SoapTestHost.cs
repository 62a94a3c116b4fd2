using System.Collections.Concurrent;
using System.Xml.Linq;
using DaprSync.NetSuiteEmulator;
using DaprSync.NetSuiteEmulator.Records;
using DaprSync.NetSuiteEmulator.Records.Customers;
using DaprSync.NetSuiteEmulator.Records.Items;
using DaprSync.NetSuiteEmulator.Records.SalesOrders;
using DaprSync.NetSuiteEmulator.Soap;
using DaprSync.NetSuiteSapi.Items;
using DaprSync.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DaprSync.NetSuiteSapi.Tests.Soap;

/// <summary>
/// The NetSuite emulator and ns-sapi on loopback, with ns-sapi's SOAP base URL at the emulator. The emulator keeps
/// every SOAP request body it receives, so tests can validate exactly what went over the wire.
/// </summary>
internal sealed class SoapTestHost : IAsyncDisposable
{
    private readonly string _sqlitePath;

    private SoapTestHost(LoopbackApp emulator, LoopbackApp sapi, string sqlitePath, ConcurrentQueue<XDocument> requests)
    {
        Emulator = emulator;
        SapiApp = sapi;
        _sqlitePath = sqlitePath;
        Requests = requests;
        Sapi = new HttpClient { BaseAddress = sapi.BaseAddress };
    }

    public LoopbackApp Emulator { get; }

    public LoopbackApp SapiApp { get; }

    public HttpClient Sapi { get; }

    /// <summary>Every SOAP envelope the emulator received, in arrival order.</summary>
    public ConcurrentQueue<XDocument> Requests { get; }

    public SalesOrderStore Orders => Emulator.Services.GetRequiredService<SalesOrderStore>();

    public ItemCatalog Items => Emulator.Services.GetRequiredService<ItemCatalog>();

    public SoapFaultInjection Faults => Emulator.Services.GetRequiredService<SoapFaultInjection>();

    public NetSuiteRecords Records => Emulator.Services.GetRequiredService<NetSuiteRecords>();

    public string CustomerId { get; private set; } = "";

    /// <summary>Starts both apps; <paramref name="extraSettings"/> go to ns-sapi and
    /// <paramref name="emulatorSettings"/> to the emulator.</summary>
    public static async Task<SoapTestHost> StartAsync(
        IDictionary<string, string?>? extraSettings = null,
        IDictionary<string, string?>? emulatorSettings = null)
    {
        var requests = new ConcurrentQueue<XDocument>();
        var emulatorValues = new Dictionary<string, string?>
        {
            ["NetSuiteEmulator:AccountId"] = NetSuiteTestHost.AccountId,
            ["NetSuiteEmulator:ConsumerKey"] = NetSuiteTestHost.ConsumerKey,
            ["NetSuiteEmulator:ConsumerSecret"] = NetSuiteTestHost.ConsumerSecret,
            ["NetSuiteEmulator:TokenId"] = NetSuiteTestHost.TokenId,
            ["NetSuiteEmulator:TokenSecret"] = NetSuiteTestHost.TokenSecret,
        };
        foreach (var (key, value) in emulatorSettings ?? new Dictionary<string, string?>())
        {
            emulatorValues[key] = value;
        }

        var emulator = await LoopbackApp.StartAsync(
            builder => builder.AddNetSuiteEmulator(),
            app =>
            {
                app.Use(async (context, next) => await CaptureAsync(context, next, requests));
                app.MapNetSuiteEmulator();
            },
            settings: emulatorValues);

        var sqlitePath = Path.Combine(Path.GetTempPath(), $"ns-sapi-soap-tests-{Guid.NewGuid():N}.db");
        var settings = NetSuiteTestHost.SapiSettings(emulator.BaseAddress.ToString(), sqlitePath);
        settings["NetSuite:Soap:BaseUrl"] = emulator.BaseAddress.ToString();
        settings["NetSuite:Soap:RetryBaseDelayMilliseconds"] = "1";
        settings["NetSuite:Soap:ConcurrencyRetries"] = "3";
        settings["NetSuite:Soap:AccountTimeZone"] = "America/Los_Angeles";
        settings["NetSuite:SalesOrders:CurrencyId"] = "1";
        settings["NetSuite:SalesOrders:LocationId"] = "3";
        settings["NetSuite:SalesOrders:DepartmentId"] = "4";
        settings["NetSuite:SalesOrders:ClassId"] = "5";
        settings["NetSuite:SalesOrders:DiscountItemId"] = "77";
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var catalog = emulator.Services.GetRequiredService<ItemCatalog>();
        var sapi = await LoopbackApp.StartAsync(
            builder =>
            {
                builder.AddNetSuiteSapi();
                builder.Services.AddSingleton<IItemResolver>(new CatalogItemResolver(catalog));
            },
            app => app.MapNetSuiteSapi(),
            settings: settings);

        var host = new SoapTestHost(emulator, sapi, sqlitePath, requests);
        host.CustomerId = host.Records.Write(table => table.Insert(new NetSuiteCustomer
        {
            CompanyName = "Alfreds Futterkiste",
            SubsidiaryId = "1",
        })).Id;
        return host;
    }

    private static async Task CaptureAsync(HttpContext context, Func<Task> next, ConcurrentQueue<XDocument> requests)
    {
        if (context.Request.Path.StartsWithSegments("/services/NetSuitePort_2023_2"))
        {
            context.Request.EnableBuffering();
            var document = await XDocument.LoadAsync(context.Request.Body, LoadOptions.None, context.RequestAborted);
            requests.Enqueue(document);
            context.Request.Body.Position = 0;
        }

        await next();
    }

    public async ValueTask DisposeAsync()
    {
        Sapi.Dispose();
        await SapiApp.DisposeAsync();
        await Emulator.DisposeAsync();
        File.Delete(_sqlitePath);
    }
}

/// <summary>
/// Resolves SKUs from the emulator's item catalog in process. It replaces ns-sapi's SuiteQL resolver, which
/// has its own tests, so these tests count only SOAP calls.
/// </summary>
internal sealed class CatalogItemResolver(ItemCatalog catalog) : IItemResolver
{
    public Task<IReadOnlyDictionary<string, string>> ResolveAsync(
        IReadOnlyCollection<string> skus,
        CancellationToken cancellationToken = default)
    {
        IReadOnlyDictionary<string, string> found = skus
            .Select(sku => catalog.FindByItemId(sku))
            .OfType<NetSuiteItem>()
            .ToDictionary(item => item.ItemId, item => item.Id, StringComparer.OrdinalIgnoreCase);
        return Task.FromResult(found);
    }
}
