using DaprSync.Contracts;
using DaprSync.SalesforceSapi.PubSub;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.DependencyInjection;

namespace DaprSync.PubSub.Tests;

public sealed class TopicRetryTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(StatusCode.NotFound)]
    [InlineData(StatusCode.PermissionDenied)]
    [InlineData(StatusCode.Unavailable)]
    public async Task GetTopicFailure_RetriesThenSubscribes(StatusCode failure)
    {
        var failingTopic = new FailingGetTopic(CreateNsOrderEventHandler.Topic, failure, failuresToInject: 3);
        await using var emulator = await PubSubHarness.StartEmulatorAsync(configure: builder =>
        {
            builder.Services.AddSingleton(failingTopic);
            builder.Services.AddGrpc(grpc => grpc.Interceptors.Add<FailingGetTopicInterceptor>());
        });
        var bus = emulator.Bus();
        var publisher = new RecordingEventPublisher();
        using var host = await PubSubHarness.StartSubscriberAsync(
            emulator, new FakeSalesforceSession(), publisher, new InMemoryStateStore());

        await PubSubHarness.WaitUntilAsync(
            () => bus.GetSubscriberCount(CreateNsOrderEventHandler.Topic) == 1, "the order subscription");
        var published = bus.PublishCreateNsOrder("801000000000001AAA");
        await PubSubHarness.WaitUntilAsync(
            () => publisher.Messages.Any(message => message.Topic == Topics.OrderQueued), "the order event");

        Assert.Equal(4, failingTopic.Calls);
        Assert.Equal(published.EventId, Assert.Single(publisher.Messages).EventId);
        await host.StopAsync(Token);
    }

    /// <summary>Counts GetTopic calls for one topic and fails the first few with a chosen status.</summary>
    internal sealed class FailingGetTopic(string topicName, StatusCode status, int failuresToInject)
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public void OnGetTopic(string requestedTopic)
        {
            if (requestedTopic != topicName)
            {
                return;
            }

            if (Interlocked.Increment(ref _calls) <= failuresToInject)
            {
                throw new RpcException(new Status(status, $"GetTopic failure injected by the test ({status})."));
            }
        }
    }

    internal sealed class FailingGetTopicInterceptor(FailingGetTopic failing) : Interceptor
    {
        public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
            TRequest request,
            ServerCallContext context,
            UnaryServerMethod<TRequest, TResponse> continuation)
        {
            // The emulator's generated TopicRequest is another CLR type than the client's, so match it by
            // its protobuf descriptor.
            if (request is IMessage { Descriptor.Name: "TopicRequest" } message)
            {
                var topicName = (string)message.Descriptor.FindFieldByName("topic_name").Accessor.GetValue(message);
                failing.OnGetTopic(topicName);
            }

            return continuation(request, context);
        }
    }
}
