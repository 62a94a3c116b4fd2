using DaprSync.SalesforceEmulator.Records;
using DaprSync.SalesforceEmulator.Schema;
using DaprSync.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace DaprSync.PubSub.Tests;

/// <summary>Writes records into the emulator's record store, as its REST API does after validation.</summary>
internal static class RecordWrites
{
    private static readonly RecordAuthor SalesUser = new("005000000000002AAA", IsIntegrationUser: false);
    private static readonly RecordAuthor IntegrationUser = new("005000000000003AAA", IsIntegrationUser: true);

    /// <summary>Creates a record and returns its id.</summary>
    public static string Create(
        this LoopbackApp emulator,
        string sObjectType,
        IReadOnlyDictionary<string, object?> values,
        bool byIntegrationUser = false)
    {
        var records = emulator.Services.GetRequiredService<SalesforceRecords>();
        var type = SalesforceSchema.Find(sObjectType) ?? throw new ArgumentException(sObjectType);
        var id = records.NewId(type);
        Commit(records, new RecordWrite(type, id, IsCreate: true, values), byIntegrationUser);
        return id;
    }

    public static void Update(
        this LoopbackApp emulator,
        string sObjectType,
        string id,
        IReadOnlyDictionary<string, object?> values,
        bool byIntegrationUser = false)
    {
        var records = emulator.Services.GetRequiredService<SalesforceRecords>();
        var type = SalesforceSchema.Find(sObjectType) ?? throw new ArgumentException(sObjectType);
        Commit(records, new RecordWrite(type, id, IsCreate: false, values), byIntegrationUser);
    }

    /// <summary>Creates an Account, a draft Order of it and returns the Order id.</summary>
    public static string CreateDraftOrder(this LoopbackApp emulator)
    {
        var accountId = emulator.Create("Account", new Dictionary<string, object?> { ["Name"] = "Northwind Traders" });
        return emulator.Create("Order", new Dictionary<string, object?>
        {
            ["AccountId"] = accountId,
            ["EffectiveDate"] = new DateOnly(2026, 11, 2),
            ["Status"] = "Draft",
        });
    }

    private static void Commit(SalesforceRecords records, RecordWrite write, bool byIntegrationUser)
    {
        var errors = records.Commit([write], byIntegrationUser ? IntegrationUser : SalesUser);
        Assert.Empty(errors);
    }
}
