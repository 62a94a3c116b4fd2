using DaprSync.NetSuiteSapi.Concurrency;
using Microsoft.Extensions.Options;

namespace DaprSync.NetSuiteSapi.Tests.Concurrency;

/// <summary>The order in which ns-sapi's NetSuite request gate hands out its slots.</summary>
public sealed class RequestGateTests
{
    [Fact]
    public async Task Release_UrgentWaiting_GoesBeforeEarlierNormal()
    {
        var gate = Gate(limit: 1);
        var held = await gate.EnterAsync(TestContext.Current.CancellationToken);
        var normal = gate.EnterAsync(RequestPriority.Normal, TestContext.Current.CancellationToken);
        var urgent = gate.EnterAsync(RequestPriority.Urgent, TestContext.Current.CancellationToken);
        Assert.Equal(2, gate.Waiting);

        held.Dispose();
        var first = await urgent;

        Assert.False(normal.IsCompleted);
        Assert.Equal(1, gate.InUse);
        first.Dispose();
        (await normal).Dispose();
        Assert.Equal(0, gate.InUse);
        Assert.True(gate.IsIdle);
    }

    [Fact]
    public async Task Enter_NormalRequests_GetSlotsInArrivalOrder()
    {
        var gate = Gate(limit: 1);
        var held = await gate.EnterAsync(TestContext.Current.CancellationToken);
        var waiting = Enumerable.Range(0, 3)
            .Select(_ => gate.EnterAsync(TestContext.Current.CancellationToken))
            .ToList();

        var order = new List<int>();
        held.Dispose();
        for (var round = 0; round < waiting.Count; round++)
        {
            var next = await Task.WhenAny(waiting.Where(task => !order.Contains(waiting.IndexOf(task))));
            order.Add(waiting.IndexOf(next));
            (await next).Dispose();
        }

        Assert.Equal([0, 1, 2], order);
    }

    [Fact]
    public async Task Enter_CanceledWhileWaiting_LeavesNoSlotTaken()
    {
        var gate = Gate(limit: 1);
        var held = await gate.EnterAsync(TestContext.Current.CancellationToken);
        using var cancel = new CancellationTokenSource();
        var waiting = gate.EnterAsync(RequestPriority.Urgent, cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(0, gate.Waiting);
        held.Dispose();
        Assert.Equal(0, gate.InUse);
        Assert.True(gate.IsIdle);
    }

    [Fact]
    public async Task Enter_UnderLimit_NeverWaits()
    {
        var gate = Gate(limit: 2);

        var first = await gate.EnterAsync(TestContext.Current.CancellationToken);
        var second = await gate.EnterAsync(TestContext.Current.CancellationToken);
        var third = gate.EnterAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, gate.InUse);
        Assert.False(third.IsCompleted);
        Assert.False(gate.IsIdle);
        first.Dispose();
        first.Dispose();
        (await third).Dispose();
        second.Dispose();
        Assert.Equal(0, gate.InUse);
    }

    private static NetSuiteRequestGate Gate(int limit) =>
        new(Options.Create(new NetSuiteConcurrencyOptions { MaxConcurrentRequests = limit }));
}
