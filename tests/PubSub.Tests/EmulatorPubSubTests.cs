using DaprSync.SalesforceEmulator.PubSub;
using DaprSync.SalesforceEmulator.Records;
using Eventbus.V1;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PubSubClient = Eventbus.V1.PubSub.PubSubClient;

namespace DaprSync.PubSub.Tests;

public sealed class EmulatorPubSubTests
{
    private const string AccountsTopic = "/event/AccountsEvent__e";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetTopic_KnownTopic_ReturnsPermissionsAndSchemaId()
    {
        await using var emulator = await PubSubHarness.StartEmulatorAsync();
        using var channel = emulator.CreateChannel();
        var client = new PubSubClient(channel);

        var topic = await client.GetTopicAsync(
            new TopicRequest { TopicName = AccountsTopic }, PubSubHarness.ValidHeaders(), cancellationToken: Token);

        Assert.Equal(AccountsTopic, topic.TopicName);
        Assert.True(topic.CanPublish);
        Assert.True(topic.CanSubscribe);
        Assert.Equal(PlatformEventSchemas.AccountsEvent.SchemaId, topic.SchemaId);
        Assert.Equal(FakeTokenValidator.OrgId, topic.TenantGuid);
    }

    [Fact]
    public async Task GetTopic_UnknownTopic_ReturnsNotFound()
    {
        await using var emulator = await PubSubHarness.StartEmulatorAsync();
        using var channel = emulator.CreateChannel();
        var client = new PubSubClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.GetTopicAsync(
            new TopicRequest { TopicName = "/event/Missing__e" }, PubSubHarness.ValidHeaders(),
            cancellationToken: Token).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Contains("/event/Missing__e", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("rpcId:", error.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wrong-token", FakeTokenValidator.OrgId)]
    [InlineData(FakeTokenValidator.ValidToken, "00D000000000999AAA")]
    public async Task GetTopic_InvalidCredentials_ReturnsUnauthenticated(string token, string tenantId)
    {
        await using var emulator = await PubSubHarness.StartEmulatorAsync();
        using var channel = emulator.CreateChannel();
        var client = new PubSubClient(channel);
        var headers = new Metadata
        {
            { "accesstoken", token },
            { "instanceurl", "https://emulator.my.salesforce.com" },
            { "tenantid", tenantId },
        };

        var error = await Assert.ThrowsAsync<RpcException>(() => client.GetTopicAsync(
            new TopicRequest { TopicName = AccountsTopic }, headers, cancellationToken: Token).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal("sfdc.platform.eventbus.grpc.service.auth.error", error.Trailers.GetValue("error-code"));
    }

    [Fact]
    public async Task GetSchema_KnownId_ReturnsSalesforceSchema()
    {
        await using var emulator = await PubSubHarness.StartEmulatorAsync();
        using var channel = emulator.CreateChannel();
        var client = new PubSubClient(channel);
        var schemaId = PlatformEventSchemas.PaymentAndRefundEvent.SchemaId;

        var info = await client.GetSchemaAsync(
            new SchemaRequest { SchemaId = schemaId }, PubSubHarness.ValidHeaders(), cancellationToken: Token);
        var schema = (Avro.RecordSchema)Avro.Schema.Parse(info.SchemaJson);

        Assert.Equal(schemaId, info.SchemaId);
        Assert.Equal("com.sforce.eventbus", schema.Namespace);
        Assert.Equal(Avro.Schema.Type.Long, schema["CreatedDate"].Schema.Tag);
        Assert.Equal(Avro.Schema.Type.String, schema["CreatedById"].Schema.Tag);
        var amount = Assert.IsType<Avro.UnionSchema>(schema["Amount__c"].Schema);
        Assert.Equal(Avro.Schema.Type.Null, amount.Schemas[0].Tag);
        Assert.Equal(Avro.Schema.Type.Double, amount.Schemas[1].Tag);
        Assert.True(schema["Amount__c"].DefaultValue?.Type == Newtonsoft.Json.Linq.JTokenType.Null);
    }

    [Fact]
    public async Task PublishThenSubscribe_Earliest_DeliversDecodableEvent()
    {
        await using var emulator = await PubSubHarness.StartEmulatorAsync();
        using var channel = emulator.CreateChannel();
        var client = new PubSubClient(channel);
        var definition = PlatformEventSchemas.CreateNsOrder;
        var payload = PlatformEventCodec.Encode(definition.Schema, new Dictionary<string, object?>
        {
            ["CreatedDate"] = 1_700_000_000_000L,
            ["CreatedById"] = "005000000000002AAA",
            ["Order_Id__c"] = "801000000000001AAA",
        });

        var published = await client.PublishAsync(new PublishRequest
        {
            TopicName = definition.TopicName,
            Events = { new ProducerEvent { SchemaId = definition.SchemaId, Payload = ByteString.CopyFrom(payload) } },
        }, PubSubHarness.ValidHeaders(), cancellationToken: Token);

        using var call = client.Subscribe(PubSubHarness.ValidHeaders(), cancellationToken: Token);
        await call.RequestStream.WriteAsync(new FetchRequest
        {
            TopicName = definition.TopicName, ReplayPreset = ReplayPreset.Earliest, NumRequested = 10,
        }, Token);
        Assert.True(await call.ResponseStream.MoveNext(Token));
        var response = call.ResponseStream.Current;

        var result = Assert.Single(published.Results);
        Assert.Null(result.Error);
        var received = Assert.Single(response.Events);
        Assert.Equal(result.ReplayId, received.ReplayId);
        Assert.True(Guid.TryParse(received.Event.Id, out _));
        Assert.Equal(9, response.PendingNumRequested);
        Assert.Equal(received.ReplayId, response.LatestReplayId);
        var fields = PlatformEventCodec.Decode(definition.Schema, received.Event.Payload.ToByteArray());
        Assert.Equal("801000000000001AAA", fields["Order_Id__c"]);
        Assert.Equal(1_700_000_000_000L, fields["CreatedDate"]);
    }

    [Fact]
    public async Task Publish_WrongSchemaId_ReturnsPublishError()
    {
        await using var emulator = await PubSubHarness.StartEmulatorAsync();
        using var channel = emulator.CreateChannel();
        var client = new PubSubClient(channel);

        var response = await client.PublishAsync(new PublishRequest
        {
            TopicName = AccountsTopic,
            Events = { new ProducerEvent { Id = "e-1", SchemaId = "not-a-schema", Payload = ByteString.Empty } },
        }, PubSubHarness.ValidHeaders(), cancellationToken: Token);

        var result = Assert.Single(response.Results);
        Assert.Equal(ErrorCode.Publish, result.Error.Code);
        Assert.Equal("e-1", result.CorrelationKey);
        Assert.Empty(emulator.Bus().GetPublished(AccountsTopic));
    }

    [Fact]
    public async Task Subscribe_FlowControl_NeverSendsMoreThanRequested()
    {
        await using var emulator = await PubSubHarness.StartEmulatorAsync(keepAliveInterval: TimeSpan.FromMilliseconds(300));
        for (var i = 0; i < 5; i++)
        {
            emulator.Bus().PublishAccountsEvent($"001{i:D15}", "UPDATE");
        }

        using var channel = emulator.CreateChannel();
        var client = new PubSubClient(channel);
        using var call = client.Subscribe(PubSubHarness.ValidHeaders(), cancellationToken: Token);
        await call.RequestStream.WriteAsync(new FetchRequest
        {
            TopicName = AccountsTopic, ReplayPreset = ReplayPreset.Earliest, NumRequested = 2,
        }, Token);

        // Read until the first keepalive: everything before it is what the server sent for 2 requested.
        var delivered = new List<ConsumerEvent>();
        FetchResponse response;
        do
        {
            Assert.True(await call.ResponseStream.MoveNext(Token));
            response = call.ResponseStream.Current;
            delivered.AddRange(response.Events);
        }
        while (response.Events.Count > 0);

        Assert.Equal(2, delivered.Count);
        Assert.Equal(0, response.PendingNumRequested);
        Assert.Equal(delivered[^1].ReplayId, response.LatestReplayId);

        await call.RequestStream.WriteAsync(new FetchRequest { NumRequested = 10 }, Token);
        do
        {
            Assert.True(await call.ResponseStream.MoveNext(Token));
            response = call.ResponseStream.Current;
            delivered.AddRange(response.Events);
        }
        while (response.Events.Count > 0);

        Assert.Equal(5, delivered.Count);
        Assert.Equal(7, response.PendingNumRequested);
        Assert.Equal(5, delivered.Select(consumerEvent => consumerEvent.Event.Id).Distinct().Count());
    }

    [Fact]
    public async Task Subscribe_RequestAboveMaximum_CapsAt100()
    {
        await using var emulator = await PubSubHarness.StartEmulatorAsync(keepAliveInterval: TimeSpan.FromMilliseconds(200));
        using var channel = emulator.CreateChannel();
        var client = new PubSubClient(channel);
        using var call = client.Subscribe(PubSubHarness.ValidHeaders(), cancellationToken: Token);

        await call.RequestStream.WriteAsync(new FetchRequest { TopicName = AccountsTopic, NumRequested = 500 }, Token);
        Assert.True(await call.ResponseStream.MoveNext(Token));

        Assert.Empty(call.ResponseStream.Current.Events);
        Assert.Equal(100, call.ResponseStream.Current.PendingNumRequested);
    }

    [Fact]
    public async Task Subscribe_CustomReplayId_StartsAfterThatEvent()
    {
        await using var emulator = await PubSubHarness.StartEmulatorAsync();
        var first = emulator.Bus().PublishAccountsEvent("001000000000001AAA", "CREATE");
        var second = emulator.Bus().PublishAccountsEvent("001000000000002AAA", "CREATE");
        using var channel = emulator.CreateChannel();
        var client = new PubSubClient(channel);
        using var call = client.Subscribe(PubSubHarness.ValidHeaders(), cancellationToken: Token);

        await call.RequestStream.WriteAsync(new FetchRequest
        {
            TopicName = AccountsTopic,
            ReplayPreset = ReplayPreset.Custom,
            ReplayId = ByteString.CopyFrom(first.ReplayId),
            NumRequested = 10,
        }, Token);
        Assert.True(await call.ResponseStream.MoveNext(Token));

        var received = Assert.Single(call.ResponseStream.Current.Events);
        Assert.Equal(second.EventId, received.Event.Id);
    }

    [Fact]
    public async Task Subscribe_UnknownReplayId_ReturnsReplayIdCorrupted()
    {
        await using var emulator = await PubSubHarness.StartEmulatorAsync();
        using var channel = emulator.CreateChannel();
        var client = new PubSubClient(channel);

        var error = await SubscribeExpectingErrorAsync(client, ByteString.CopyFrom(1, 2, 3, 4, 5, 6, 7, 8));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(
            "sfdc.platform.eventbus.grpc.subscription.fetch.replayid.corrupted",
            error.Trailers.GetValue("error-code"));
    }

    [Fact]
    public async Task Subscribe_ReplayIdPastRetention_ReturnsReplayIdCorrupted()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2025-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var emulator = await PubSubHarness.StartEmulatorAsync(timeProvider: clock);
        var old = emulator.Bus().PublishAccountsEvent("001000000000001AAA", "CREATE");
        using var channel = emulator.CreateChannel();
        var client = new PubSubClient(channel);

        clock.Advance(TimeSpan.FromHours(71));
        Assert.Single(emulator.Bus().GetPublished(AccountsTopic));
        clock.Advance(TimeSpan.FromHours(2));
        var error = await SubscribeExpectingErrorAsync(client, ByteString.CopyFrom(old.ReplayId));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(
            "sfdc.platform.eventbus.grpc.subscription.fetch.replayid.corrupted",
            error.Trailers.GetValue("error-code"));
        Assert.Empty(emulator.Bus().GetPublished(AccountsTopic));
    }

    [Fact]
    public async Task Subscribe_QuietTopic_SendsKeepAliveWithLatestReplayId()
    {
        await using var emulator = await PubSubHarness.StartEmulatorAsync(keepAliveInterval: TimeSpan.FromMilliseconds(200));
        var existing = emulator.Bus().PublishAccountsEvent("001000000000001AAA", "CREATE");
        using var channel = emulator.CreateChannel();
        var client = new PubSubClient(channel);
        using var call = client.Subscribe(PubSubHarness.ValidHeaders(), cancellationToken: Token);

        await call.RequestStream.WriteAsync(new FetchRequest { TopicName = AccountsTopic, NumRequested = 5 }, Token);
        Assert.True(await call.ResponseStream.MoveNext(Token));
        var keepAlive = call.ResponseStream.Current;

        Assert.Empty(keepAlive.Events);
        Assert.Equal(ByteString.CopyFrom(existing.ReplayId), keepAlive.LatestReplayId);
        Assert.Equal(5, keepAlive.PendingNumRequested);
    }

    [Fact]
    public async Task Subscribe_LaterRequestNamesOtherTopic_ReturnsInvalidArgument()
    {
        await using var emulator = await PubSubHarness.StartEmulatorAsync();
        using var channel = emulator.CreateChannel();
        var client = new PubSubClient(channel);
        using var call = client.Subscribe(PubSubHarness.ValidHeaders(), cancellationToken: Token);

        await call.RequestStream.WriteAsync(new FetchRequest { TopicName = AccountsTopic, NumRequested = 1 }, Token);
        await call.RequestStream.WriteAsync(new FetchRequest { TopicName = "/event/Create_NS_Order__e", NumRequested = 1 }, Token);
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(Token));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task AccountTrigger_NonIntegrationUser_PublishesOneAccountsEvent()
    {
        await using var emulator = await PubSubHarness.StartEmulatorAsync();
        var listeners = emulator.Services.GetServices<IRecordChangeListener>().ToList();

        foreach (var listener in listeners)
        {
            listener.OnRecordChanged(new RecordChange(
                "Account", "001000000000009AAA", RecordChangeKind.Created, new HashSet<string> { "Name" },
                ByIntegrationUser: false, DateTimeOffset.UnixEpoch));
        }

        var published = Assert.Single(emulator.Bus().GetPublished(AccountsTopic));
        var fields = published.DecodeFields();
        Assert.Equal("001000000000009AAA", fields["Account_Id__c"]);
        Assert.Equal("CREATE", fields["Change_Type__c"]);
    }

    [Fact]
    public async Task AccountTrigger_IntegrationUserOrOtherObject_PublishesNothing()
    {
        await using var emulator = await PubSubHarness.StartEmulatorAsync();
        var listeners = emulator.Services.GetServices<IRecordChangeListener>().ToList();
        RecordChange[] changes =
        [
            new("Account", "001000000000009AAA", RecordChangeKind.Updated, new HashSet<string> { "Phone" },
                ByIntegrationUser: true, DateTimeOffset.UnixEpoch),
            new("Contact", "003000000000009AAA", RecordChangeKind.Created, new HashSet<string> { "LastName" },
                ByIntegrationUser: false, DateTimeOffset.UnixEpoch),
        ];

        foreach (var change in changes)
        {
            listeners.ForEach(listener => listener.OnRecordChanged(change));
        }

        Assert.NotEmpty(listeners);
        Assert.Empty(emulator.Bus().GetPublished(AccountsTopic));
    }

    private static async Task<RpcException> SubscribeExpectingErrorAsync(PubSubClient client, ByteString replayId)
    {
        using var call = client.Subscribe(PubSubHarness.ValidHeaders(), cancellationToken: Token);
        await call.RequestStream.WriteAsync(new FetchRequest
        {
            TopicName = AccountsTopic, ReplayPreset = ReplayPreset.Custom, ReplayId = replayId, NumRequested = 1,
        }, Token);
        return await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(Token));
    }
}
