using System.Collections.Concurrent;
using System.Net.Http.Json;
using DaprSync.SalesforceEmulator.Records;
using Microsoft.Extensions.DependencyInjection;

namespace DaprSync.SalesforceSapi.Tests.Emulator;

public sealed class RecordChangeListenerTests
{
    [Fact]
    public async Task Listener_CreateAndUpdate_SeesAuthorAndChangedFields()
    {
        var listener = new RecordingListener();
        await using var emulator = await EmulatorHost.StartAsync(
            builder => builder.Services.AddSingleton<IRecordChangeListener>(listener));
        using var loader = await emulator.CreateRestClientAsync(asIntegrationUser: false);
        using var integration = await emulator.CreateRestClientAsync();

        var id = await EmulatorHost.CreateAsync(loader, "Account", new { Name = "Listened", Phone = "1" });
        using var update = await integration.PatchAsJsonAsync(
            $"sobjects/Account/{id}", new { NetSuite_Id__c = "77", Phone = "1" }, EmulatorHost.Cancel);

        var changes = listener.Changes.Where(change => change.Id == id).ToList();
        Assert.Equal(2, changes.Count);

        var created = changes[0];
        Assert.Equal(RecordChangeKind.Created, created.Kind);
        Assert.Equal("Account", created.SObjectType);
        Assert.False(created.ByIntegrationUser);
        Assert.Equal(["Name", "Phone"], created.ChangedFields.Order(StringComparer.Ordinal));

        var updated = changes[1];
        Assert.Equal(RecordChangeKind.Updated, updated.Kind);
        Assert.True(updated.ByIntegrationUser);
        Assert.Equal(["NetSuite_Id__c"], updated.ChangedFields);
        Assert.Equal(emulator.Records.Get("Account", id)!["LastModifiedDate"], updated.At);
    }

    [Fact]
    public async Task Listener_RejectedWrite_IsNotCalled()
    {
        var listener = new RecordingListener();
        await using var emulator = await EmulatorHost.StartAsync(
            builder => builder.Services.AddSingleton<IRecordChangeListener>(listener));
        using var rest = await emulator.CreateRestClientAsync();

        using var response = await rest.PostAsJsonAsync("sobjects/Account", new { Phone = "1" }, EmulatorHost.Cancel);

        Assert.False(response.IsSuccessStatusCode);
        Assert.DoesNotContain(listener.Changes, change => change.SObjectType == "Account");
    }

    [Fact]
    public async Task Listener_Throwing_DoesNotFailCommittedWrite()
    {
        var recording = new RecordingListener();
        await using var emulator = await EmulatorHost.StartAsync(builder =>
        {
            builder.Services.AddSingleton<IRecordChangeListener>(new ThrowingListener());
            builder.Services.AddSingleton<IRecordChangeListener>(recording);
        });
        using var rest = await emulator.CreateRestClientAsync();

        var id = await EmulatorHost.CreateAsync(rest, "Account", new { Name = "Survives" });

        Assert.NotNull(emulator.Records.Get("Account", id));
        Assert.Contains(recording.Changes, change => change.Id == id);
    }

    private sealed class ThrowingListener : IRecordChangeListener
    {
        public void OnRecordChanged(RecordChange change) =>
            throw new InvalidOperationException("The listener failed on purpose.");
    }

    private sealed class RecordingListener : IRecordChangeListener
    {
        public ConcurrentQueue<RecordChange> Changes { get; } = new();

        public void OnRecordChanged(RecordChange change) => Changes.Enqueue(change);
    }
}
