using Eventbus.V1;
using Google.Protobuf;
using Grpc.Core;

namespace DaprSync.SalesforceEmulator.PubSub;

/// <summary>
/// State of one Subscribe call: the position in the topic's log and the number of events the client
/// has requested and not yet received. Events go out only while that number is above zero, and a
/// response with no events goes out after each quiet <c>keepAliveInterval</c>.
/// </summary>
internal sealed class SubscriptionStream(
    PlatformEventBus bus,
    PlatformEventDefinition definition,
    TimeSpan keepAliveInterval,
    TimeProvider timeProvider,
    string rpcId)
{
    /// <summary>Maximum events outstanding per Subscribe call; Salesforce caps requests at 100.</summary>
    public const int MaxOutstanding = 100;

    private readonly Lock _gate = new();
    private TaskCompletionSource _nextRequest = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _pending;
    private long _cursor;

    /// <summary>Applies the first FetchRequest: the replay position and the first requested count.</summary>
    public void Start(FetchRequest first)
    {
        ValidateCount(first.NumRequested);
        _cursor = first.ReplayPreset switch
        {
            ReplayPreset.Earliest => 0,
            ReplayPreset.Custom => ResolveCustomPosition(first.ReplayId),
            _ => bus.GetLatestSequence(definition.TopicName),
        };
        _pending = Math.Min(first.NumRequested, MaxOutstanding);
    }

    public async Task RunAsync(
        IAsyncStreamReader<FetchRequest> requestStream,
        IServerStreamWriter<FetchResponse> responseStream,
        CancellationToken cancellationToken)
    {
        bus.AddSubscriber(definition.TopicName, 1);
        try
        {
            await StreamAsync(requestStream, responseStream, cancellationToken);
        }
        finally
        {
            bus.AddSubscriber(definition.TopicName, -1);
        }
    }

    private async Task StreamAsync(
        IAsyncStreamReader<FetchRequest> requestStream,
        IServerStreamWriter<FetchResponse> responseStream,
        CancellationToken cancellationToken)
    {
        Task readRequests = ReadRequestsAsync(requestStream, cancellationToken);
        var lastResponseAt = timeProvider.GetUtcNow();
        while (!cancellationToken.IsCancellationRequested)
        {
            // Take both signals before reading, so that a publish or request arriving during the read
            // completes a task this loop waits on instead of being missed.
            var nextPublish = bus.WaitForNextPublishAsync();
            Task nextRequest;
            int pending;
            lock (_gate)
            {
                nextRequest = _nextRequest.Task;
                pending = _pending;
            }

            if (pending > 0 && await TrySendEventsAsync(responseStream, pending))
            {
                lastResponseAt = timeProvider.GetUtcNow();
                continue;
            }

            var quietFor = timeProvider.GetUtcNow() - lastResponseAt;
            var untilKeepAlive = keepAliveInterval - quietFor;
            if (untilKeepAlive <= TimeSpan.Zero)
            {
                await responseStream.WriteAsync(CreateResponse([]), cancellationToken);
                lastResponseAt = timeProvider.GetUtcNow();
                continue;
            }

            using var waitCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var keepAliveDue = Task.Delay(untilKeepAlive, timeProvider, waitCancellation.Token);
            var completed = await Task.WhenAny(nextPublish, nextRequest, keepAliveDue, readRequests);
            await waitCancellation.CancelAsync();
            if (completed == readRequests)
            {
                // A faulted reader ends the call with its error. A client that half-closed its side can
                // still receive what it requested before, so streaming goes on.
                await readRequests;
                readRequests = Task.Delay(Timeout.Infinite, cancellationToken);
            }
        }
    }

    private async Task<bool> TrySendEventsAsync(IServerStreamWriter<FetchResponse> responseStream, int pending)
    {
        var events = bus.ReadAfter(definition.TopicName, _cursor, pending);
        if (events.Count == 0)
        {
            return false;
        }

        _cursor = events[^1].Sequence;
        lock (_gate)
        {
            _pending -= events.Count;
        }

        await responseStream.WriteAsync(CreateResponse(events));
        return true;
    }

    private FetchResponse CreateResponse(IReadOnlyList<PublishedPlatformEvent> events)
    {
        var response = new FetchResponse { RpcId = rpcId };
        foreach (var stored in events)
        {
            response.Events.Add(new ConsumerEvent
            {
                Event = new ProducerEvent
                {
                    Id = stored.EventId,
                    SchemaId = stored.Definition.SchemaId,
                    Payload = ByteString.CopyFrom(stored.Payload),
                },
                ReplayId = ByteString.CopyFrom(stored.ReplayId),
            });
        }

        // The latest replay id is the position this subscription has passed, never an event it has
        // not delivered, so a client that stores it from a keepalive loses nothing.
        response.LatestReplayId = _cursor == 0
            ? ByteString.Empty
            : ByteString.CopyFrom(PublishedPlatformEvent.EncodeReplayId(_cursor));
        lock (_gate)
        {
            response.PendingNumRequested = _pending;
        }

        return response;
    }

    private async Task ReadRequestsAsync(IAsyncStreamReader<FetchRequest> requestStream, CancellationToken token)
    {
        while (await requestStream.MoveNext(token))
        {
            var request = requestStream.Current;
            if (request.TopicName.Length > 0 && request.TopicName != definition.TopicName)
            {
                throw PubSubErrors.TopicChanged(definition.TopicName, request.TopicName, rpcId);
            }

            ValidateCount(request.NumRequested);
            TaskCompletionSource requested;
            lock (_gate)
            {
                _pending = Math.Min(_pending + request.NumRequested, MaxOutstanding);
                requested = _nextRequest;
                _nextRequest = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            requested.SetResult();
        }
    }

    private long ResolveCustomPosition(ByteString replayId)
    {
        if (replayId.IsEmpty)
        {
            throw PubSubErrors.ReplayIdMissing(rpcId);
        }

        var known = PublishedPlatformEvent.TryDecodeReplayId(replayId.Span, out var sequence)
            && bus.IsRetained(definition.TopicName, sequence);
        return known ? sequence : throw PubSubErrors.ReplayIdCorrupted(rpcId);
    }

    private void ValidateCount(int numRequested)
    {
        if (numRequested < 0)
        {
            throw PubSubErrors.RequestedEventsInvalid(numRequested, rpcId);
        }
    }
}
