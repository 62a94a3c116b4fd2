using DaprSync.Contracts.NetSuite;
using DaprSync.Orchestrator.Fulfilments;
using DaprSync.Orchestrator.Polling;
using DaprSync.Orchestrator.Tests.Fakes;
using DaprSync.Orchestrator.Tests.Notifications;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DaprSync.Orchestrator.Tests.Polling;

/// <summary>
/// The fulfilment flow on the poller engine: the fulfilment source and sink over fakes of the two System API contracts,
/// the in-memory state store fake and a fake clock.
/// </summary>
public sealed class FulfilmentPollerTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Start);
    private readonly InMemoryStateStore _state;
    private readonly FulfilmentNetSuiteFake _netSuite = new();
    private readonly FulfilmentSalesforceFake _salesforce = new();

    public FulfilmentPollerTests() => _state = new InMemoryStateStore(_time);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_SecondFulfilmentOfOrder_SendsUnionOfTracking()
    {
        _salesforce.AddOrder("501");
        _netSuite.Fulfil(Fulfilment("901", "501", day: 1, ["1Z001"], "Packed"));
        var first = await RunAsync();
        _time.Advance(TimeSpan.FromMinutes(15));
        _netSuite.Fulfil(Fulfilment("902", "501", day: 3, ["1Z002", "1Z001"], "Shipped"));

        var second = await RunAsync();

        Assert.Equal(1, first.Upserted);
        Assert.Equal(1, second.Upserted);
        var shipping = _salesforce.ShippingOf("501")!;
        Assert.Equal(["1Z001", "1Z002"], shipping.TrackingNumbers);
        Assert.Equal(new DateOnly(2026, 12, 3), shipping.ShipDate);
        Assert.Equal("Shipped", shipping.FulfilmentStatus);
        Assert.Equal("902", shipping.FulfilmentNetSuiteId);
    }

    [Fact]
    public async Task RunAsync_TwoFulfilmentsInOneBatch_OneUpdatePerOrder()
    {
        _salesforce.AddOrder("501");
        _salesforce.AddOrder("502");
        _netSuite.Fulfil(Fulfilment("901", "501", day: 2, ["A1"], "Shipped"));
        _netSuite.Fulfil(Fulfilment("902", "501", day: 1, ["A2"], "Shipped"));
        _netSuite.Fulfil(Fulfilment("903", "502", day: 1, ["B1"], "Picked"));

        var run = await RunAsync();

        Assert.Equal(3, run.Upserted);
        var call = Assert.Single(_salesforce.Calls);
        Assert.Equal(["501", "502"], call.Select(u => u.OrderNetSuiteId).ToArray());
        Assert.Equal(["A2", "A1"], _salesforce.ShippingOf("501")!.TrackingNumbers);
        Assert.Equal("901", _salesforce.ShippingOf("501")!.FulfilmentNetSuiteId);
    }

    [Fact]
    public async Task RunAsync_OneOfTwoFulfilmentsDeleted_OrderKeepsOther()
    {
        _salesforce.AddOrder("501");
        _netSuite.Fulfil(Fulfilment("901", "501", day: 1, ["1Z001"], "Shipped"));
        _netSuite.Fulfil(Fulfilment("902", "501", day: 2, ["1Z002"], "Packed"));
        await RunAsync();
        _time.Advance(TimeSpan.FromMinutes(15));
        _netSuite.Delete("902", _time.GetUtcNow().AddMinutes(-1));

        var run = await RunAsync();

        Assert.Equal(1, run.DeletionsRead);
        var shipping = _salesforce.ShippingOf("501")!;
        Assert.Equal(["1Z001"], shipping.TrackingNumbers);
        Assert.Equal("Shipped", shipping.FulfilmentStatus);
        Assert.Equal("ItemShip", _netSuite.DeletedTypesRequested[^1]);
    }

    [Fact]
    public async Task RunAsync_OnlyFulfilmentDeleted_OrderShowsDeleted()
    {
        _salesforce.AddOrder("501");
        _netSuite.Fulfil(Fulfilment("901", "501", day: 1, ["1Z001"], "Shipped"));
        await RunAsync();
        _time.Advance(TimeSpan.FromMinutes(15));
        _netSuite.Delete("901", _time.GetUtcNow().AddMinutes(-1));

        var run = await RunAsync();

        Assert.Equal(1, run.Upserted);
        var shipping = _salesforce.ShippingOf("501")!;
        Assert.Equal("Deleted", shipping.FulfilmentStatus);
        Assert.Empty(shipping.TrackingNumbers);
        Assert.Null(shipping.ShipDate);
    }

    [Fact]
    public async Task RunAsync_DeletionOfUnreadFulfilment_SendsNothing()
    {
        _netSuite.Delete("999", Start.AddMinutes(-1));

        var run = await RunAsync();

        Assert.Equal(PollerRunStatus.Completed, run.Status);
        Assert.Equal(1, run.DeletionsRead);
        Assert.Empty(_salesforce.Calls);
    }

    [Fact]
    public async Task RunAsync_OrderNotInSalesforce_FailsInRunEmail()
    {
        await using var smtp = SmtpTestServer.Start();
        _salesforce.AddOrder("501");
        _netSuite.Fulfil(Fulfilment("901", "501", day: 1, ["1Z001"], "Shipped"));
        _netSuite.Fulfil(Fulfilment("902", "777", day: 1, ["1Z777"], "Shipped"));

        var run = await RunAsync(smtp.Port);

        Assert.Equal(1, run.Upserted);
        Assert.Equal(1, run.Failed);
        var message = Assert.Single(smtp.Messages);
        Assert.Contains("NOT_FOUND", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("IF902", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_MissingStatusAndBlankTracking_ShippedWithoutBlanks()
    {
        var fulfilments = new Dictionary<string, KnownFulfilment>
        {
            ["901"] = new("901", new DateOnly(2026, 12, 1), "UPS", ["1Z001", " "], null, Start),
        };

        var update = OrderFulfilmentAggregate.Build("501", fulfilments, "901");

        Assert.Equal("Shipped", update.FulfilmentStatus);
        Assert.Equal(["1Z001"], update.TrackingNumbers);
        Assert.Equal("UPS", update.Carrier);
    }

    private Task<PollerRunResult> RunAsync(int? smtpPort = null) =>
        PollerTestEngine.Create(_state, _time, smtpPort).RunAsync(
            "fulfilment",
            "Fulfilment",
            new PollerOptions { PageSize = 2 },
            new FulfilmentSource(_netSuite),
            new FulfilmentSink(_salesforce, new OrderFulfilmentStore(_state), NullLogger<FulfilmentSink>.Instance),
            Token);

    private NetSuiteFulfilment Fulfilment(
        string id, string salesOrderId, int day, IReadOnlyList<string> tracking, string? status) =>
        new(id, $"IF{id}", salesOrderId, new DateOnly(2026, 12, day), "UPS", tracking, status,
            _time.GetUtcNow().AddMinutes(-5).AddSeconds(int.Parse(id, System.Globalization.CultureInfo.InvariantCulture) % 60));
}
