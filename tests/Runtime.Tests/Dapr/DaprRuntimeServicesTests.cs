using Dapr.Client;
using DaprSync.Runtime.Dapr;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace DaprSync.Runtime.Tests.Dapr;

public sealed class DaprRuntimeServicesTests
{
    [Fact]
    public void AddDaprRuntime_EmptyServices_RegistersDaprSide()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));

        services.AddDaprRuntime();
        using var provider = services.BuildServiceProvider();

        // Building DaprClient opens no connection, so this needs no sidecar.
        Assert.NotNull(provider.GetRequiredService<DaprClient>());
        Assert.IsType<DaprEventPublisher>(provider.GetRequiredService<IEventPublisher>());
        Assert.IsType<DaprStateStore>(provider.GetRequiredService<IStateStore>());
    }

    [Fact]
    public void AddDaprRuntime_SeamAlreadyRegistered_KeepsExisting()
    {
        var services = new ServiceCollection();
        var publisher = Substitute.For<IEventPublisher>();
        var store = Substitute.For<IStateStore>();
        services.AddSingleton(publisher);
        services.AddSingleton(store);

        services.AddDaprRuntime();
        using var provider = services.BuildServiceProvider();

        Assert.Same(publisher, provider.GetRequiredService<IEventPublisher>());
        Assert.Same(store, provider.GetRequiredService<IStateStore>());
    }

    [Fact]
    public void AddDaprRuntime_NullServices_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => DaprRuntimeServices.AddDaprRuntime(null!));
    }
}
