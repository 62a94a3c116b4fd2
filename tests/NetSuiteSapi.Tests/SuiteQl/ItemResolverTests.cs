using DaprSync.NetSuiteEmulator.Records.Items;
using DaprSync.NetSuiteSapi.Items;
using Microsoft.Extensions.DependencyInjection;

namespace DaprSync.NetSuiteSapi.Tests.SuiteQl;

public sealed class ItemResolverTests
{
    private const string SuiteQlCall = "POST /services/rest/query/v1/suiteql";

    [Fact]
    public async Task Resolve_OneOrder_OneQueryThenCached()
    {
        await using var host = await NetSuiteTestHost.StartAsync();
        var catalog = host.Emulator.Services.GetRequiredService<ItemCatalog>();
        var chai = catalog.Add("NWTB-1");
        var syrup = catalog.Add("NWTCO-3");
        var quote = catalog.Add("O'BRIEN-7");
        using var scope = host.Sapi!.Services.CreateScope();
        var resolver = scope.ServiceProvider.GetRequiredService<IItemResolver>();

        var first = await resolver.ResolveAsync(
            ["NWTB-1", "NWTCO-3", "O'BRIEN-7", "UNKNOWN-9", "NWTB-1"], TestContext.Current.CancellationToken);
        var callsAfterFirst = host.Calls.Get(SuiteQlCall);
        var second = await resolver.ResolveAsync(["NWTCO-3", "NWTB-1"], TestContext.Current.CancellationToken);

        Assert.Equal(1, callsAfterFirst);
        Assert.Equal(3, first.Count);
        Assert.Equal(chai.Id, first["NWTB-1"]);
        Assert.Equal(syrup.Id, first["NWTCO-3"]);
        Assert.Equal(quote.Id, first["O'BRIEN-7"]);
        Assert.False(first.ContainsKey("UNKNOWN-9"));
        Assert.Equal(1, host.Calls.Get(SuiteQlCall));
        Assert.Equal(syrup.Id, second["NWTCO-3"]);
    }

    [Fact]
    public async Task Resolve_UnknownSkuAddedLater_FoundOnNextOrder()
    {
        await using var host = await NetSuiteTestHost.StartAsync();
        using var scope = host.Sapi!.Services.CreateScope();
        var resolver = scope.ServiceProvider.GetRequiredService<IItemResolver>();

        var before = await resolver.ResolveAsync(["LATE-1"], TestContext.Current.CancellationToken);
        var late = host.Emulator.Services.GetRequiredService<ItemCatalog>().Add("LATE-1");
        var after = await resolver.ResolveAsync(["LATE-1"], TestContext.Current.CancellationToken);

        Assert.Empty(before);
        Assert.Equal(late.Id, after["LATE-1"]);
        Assert.Equal(2, host.Calls.Get(SuiteQlCall));
    }

    [Fact]
    public async Task Resolve_SameNewSkuInTwoRequests_SendsOneQuery()
    {
        await using var host = await NetSuiteTestHost.StartAsync();
        var catalog = host.Emulator.Services.GetRequiredService<ItemCatalog>();
        var chai = catalog.Add("NWTB-1");
        var tofu = catalog.Add("NWTP-14");
        using var first = host.Sapi!.Services.CreateScope();
        using var second = host.Sapi.Services.CreateScope();

        // The first lookup is sent before the second starts, so the second finds it in flight or in the cache.
        var a = first.ServiceProvider.GetRequiredService<IItemResolver>()
            .ResolveAsync(["NWTB-1"], TestContext.Current.CancellationToken);
        var b = second.ServiceProvider.GetRequiredService<IItemResolver>()
            .ResolveAsync(["NWTB-1"], TestContext.Current.CancellationToken);

        Assert.Equal(chai.Id, (await a)["NWTB-1"]);
        Assert.Equal(chai.Id, (await b)["NWTB-1"]);
        Assert.Equal(1, host.Calls.Get(SuiteQlCall));

        // A later order queries only the SKU that is not cached yet.
        var both = await first.ServiceProvider.GetRequiredService<IItemResolver>()
            .ResolveAsync(["NWTB-1", "NWTP-14"], TestContext.Current.CancellationToken);
        Assert.Equal((chai.Id, tofu.Id), (both["NWTB-1"], both["NWTP-14"]));
        Assert.Equal(2, host.Calls.Get(SuiteQlCall));
    }
}
