using Dapr.Client;
using DaprSync.Runtime.Dapr;
using NSubstitute;

namespace DaprSync.Runtime.Tests.Dapr;

// DaprClient is mocked because no daprd sidecar can run on the build machines. These tests check the calls
// that the publisher makes. The Testcontainers smoke test in Deploy.Tests covers a real sidecar.
public sealed class DaprEventPublisherTests
{
    private sealed record Payload(string AccountId);

    private readonly DaprClient _daprClient = Substitute.For<DaprClient>();

    [Fact]
    public async Task PublishAsync_EventId_SetsCloudEventId()
    {
        var publisher = new DaprEventPublisher(_daprClient);
        var payload = new Payload("001A");

        await publisher.PublishAsync("sf-account-changed", payload, "evt-42", TestContext.Current.CancellationToken);

        await _daprClient.Received(1).PublishEventAsync(
            "pubsub",
            "sf-account-changed",
            payload,
            Arg.Is<Dictionary<string, string>>(metadata =>
                metadata.Count == 1 && metadata["cloudevent.id"] == "evt-42"),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task PublishAsync_WithoutEventId_SendsNoMetadata()
    {
        var publisher = new DaprEventPublisher(_daprClient);
        var payload = new Payload("001B");

        await publisher.PublishAsync("sync-problem", payload, cancellationToken: TestContext.Current.CancellationToken);

        await _daprClient.Received(1).PublishEventAsync(
            "pubsub", "sync-problem", payload, Arg.Any<CancellationToken>());
        await _daprClient.DidNotReceive().PublishEventAsync(
            Arg.Any<string>(),
            Arg.Any<string>(),
            Arg.Any<Payload>(),
            Arg.Any<Dictionary<string, string>>(),
            Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public async Task PublishAsync_BlankEventId_Throws(string eventId)
    {
        var publisher = new DaprEventPublisher(_daprClient);

        await Assert.ThrowsAsync<ArgumentException>(() =>
            publisher.PublishAsync(
                "sync-problem", new Payload("001C"), eventId, TestContext.Current.CancellationToken));
        Assert.Empty(_daprClient.ReceivedCalls());
    }

    [Fact]
    public async Task PublishAsync_BlankTopic_Throws()
    {
        var publisher = new DaprEventPublisher(_daprClient);

        await Assert.ThrowsAsync<ArgumentException>(() =>
            publisher.PublishAsync(" ", new Payload("001D"), "evt-1", TestContext.Current.CancellationToken));
        Assert.Empty(_daprClient.ReceivedCalls());
    }
}
