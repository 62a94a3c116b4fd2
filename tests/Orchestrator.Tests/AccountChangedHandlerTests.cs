using System.Net;
using DaprSync.Contracts.Salesforce;
using DaprSync.Orchestrator.CustomerSync;
using DaprSync.Orchestrator.Outcomes;
using DaprSync.Orchestrator.Tests.Fakes;

namespace DaprSync.Orchestrator.Tests;

public sealed class AccountChangedHandlerTests : IAsyncLifetime
{
    private const string AccountId = "001000000000001AAA";
    private const string ParentId = "001000000000009AAA";

    private OrchestratorHarness harness = null!;

    public ValueTask InitializeAsync()
    {
        harness = OrchestratorHarness.Create();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => harness.DisposeAsync();

    [Fact]
    public async Task Handle_NewAccount_CreatesCustomerAndWritesBackId()
    {
        harness.Salesforce.Add(TestAccounts.Alfreds(AccountId));

        var response = await harness.DeliverAsync(TestAccounts.Changed(AccountId));

        Assert.Equal(TopicResponse.Success, response);
        var upsert = Assert.Single(harness.NetSuite.Upserts);
        Assert.Null(upsert.InternalId);
        Assert.Equal(AccountId, upsert.ExternalId);
        var (writtenId, update) = Assert.Single(harness.Salesforce.Writebacks);
        Assert.Equal(AccountId, writtenId);
        Assert.Equal(new AccountSyncUpdate("1001", SyncStatus.Synced, null), update);
        var outcome = Assert.Single(await harness.OutcomesAsync());
        Assert.Equal(SyncOutcomes.Synced, outcome.Outcome);
        Assert.Equal("1001", outcome.NetSuiteId);
        Assert.Equal(1, outcome.Attempts);
        Assert.Equal(harness.Time.GetUtcNow(), outcome.FirstSeen);
    }

    [Fact]
    public async Task Handle_AccountInNetSuite_UpdatesWithoutIdWriteback()
    {
        var internalId = harness.NetSuite.Seed(AccountId);
        harness.Salesforce.Add(TestAccounts.Alfreds(AccountId) with { NetSuiteId = internalId });

        var response = await harness.DeliverAsync(TestAccounts.Changed(AccountId));

        Assert.Equal(TopicResponse.Success, response);
        var upsert = Assert.Single(harness.NetSuite.Upserts);
        Assert.Equal(internalId, upsert.InternalId);
        Assert.Equal(1, harness.NetSuite.CustomerCount);
        var (_, update) = Assert.Single(harness.Salesforce.Writebacks);
        Assert.Null(update.NetSuiteId);
        Assert.Equal(SyncStatus.Synced, update.SyncStatus);
        Assert.Null(update.SyncError);
    }

    [Fact]
    public async Task Handle_DuplicateEventId_DropsSecondDelivery()
    {
        harness.Salesforce.Add(TestAccounts.Alfreds(AccountId));

        var first = await harness.DeliverAsync(TestAccounts.Changed(AccountId, "evt-dup"));
        var second = await harness.DeliverAsync(TestAccounts.Changed(AccountId, "evt-dup"));

        Assert.Equal(TopicResponse.Success, first);
        Assert.Equal(TopicResponse.Success, second);
        Assert.Equal(1, harness.Salesforce.GetCalls[AccountId]);
        Assert.Single(harness.NetSuite.Upserts);
        Assert.Single(harness.Salesforce.Writebacks);
        Assert.Equal(1, Assert.Single(await harness.OutcomesAsync()).Attempts);
        Assert.Equal(TimeSpan.FromDays(7), harness.State.TimeToLiveOf("customer:processed-event:evt-dup"));
    }

    [Fact]
    public async Task Handle_ProcessedIdExpired_ProcessesAgain()
    {
        harness.Salesforce.Add(TestAccounts.Alfreds(AccountId));
        await harness.DeliverAsync(TestAccounts.Changed(AccountId, "evt-old"));

        harness.Time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));
        await harness.DeliverAsync(TestAccounts.Changed(AccountId, "evt-old"));

        Assert.Equal(2, harness.NetSuite.Upserts.Count);
        Assert.Equal(1, harness.NetSuite.CustomerCount);
    }

    [Fact]
    public async Task Handle_NetSuiteUnavailable_RetriesWithoutWriteback()
    {
        harness.Salesforce.Add(TestAccounts.Alfreds(AccountId));
        harness.NetSuite.Failures.Enqueue(await ApiExceptions.CreateAsync(HttpStatusCode.ServiceUnavailable));

        var response = await harness.DeliverAsync(TestAccounts.Changed(AccountId));

        Assert.Equal(TopicResponse.Retry, response);
        Assert.Empty(harness.Salesforce.Writebacks);
        Assert.Empty(await harness.OutcomesAsync());
        Assert.Equal(0, harness.NetSuite.CustomerCount);

        var redelivered = await harness.DeliverAsync(TestAccounts.Changed(AccountId));

        Assert.Equal(TopicResponse.Success, redelivered);
        Assert.Equal(1, harness.NetSuite.CustomerCount);
        Assert.Single(harness.Salesforce.Writebacks);
    }

    [Fact]
    public async Task Handle_SalesforceUnreachable_Retries()
    {
        harness.Salesforce.Add(TestAccounts.Alfreds(AccountId));
        harness.Salesforce.ReadFailures.Enqueue(new HttpRequestException("Connection refused"));

        var response = await harness.DeliverAsync(TestAccounts.Changed(AccountId));

        Assert.Equal(TopicResponse.Retry, response);
        Assert.Empty(harness.NetSuite.Upserts);
    }

    [Fact]
    public async Task Handle_CrashBeforeWriteback_RedeliveryFindsSameCustomer()
    {
        harness.Salesforce.Add(TestAccounts.Alfreds(AccountId));
        harness.Salesforce.WritebackFailures.Enqueue(await ApiExceptions.CreateAsync(HttpStatusCode.BadGateway));

        var first = await harness.DeliverAsync(TestAccounts.Changed(AccountId));
        var second = await harness.DeliverAsync(TestAccounts.Changed(AccountId));

        Assert.Equal(TopicResponse.Retry, first);
        Assert.Equal(TopicResponse.Success, second);
        Assert.Equal(2, harness.NetSuite.Upserts.Count);
        Assert.Equal(1, harness.NetSuite.CustomerCount);
        var (_, update) = Assert.Single(harness.Salesforce.Writebacks);
        Assert.Equal("1001", update.NetSuiteId);
    }

    [Fact]
    public async Task Handle_NetSuiteRejects_WritesBackFailedAndRecords()
    {
        harness.Salesforce.Add(TestAccounts.Alfreds(AccountId));
        harness.NetSuite.Failures.Enqueue(await FakeNetSuiteSapi.RejectionAsync(
            "INVALID_FLD_VALUE", "vatRegNumber", "Invalid VAT registration number DE123456789."));

        var response = await harness.DeliverAsync(TestAccounts.Changed(AccountId));

        Assert.Equal(TopicResponse.Success, response);
        var (_, update) = Assert.Single(harness.Salesforce.Writebacks);
        Assert.Equal(SyncStatus.Failed, update.SyncStatus);
        Assert.Null(update.NetSuiteId);
        Assert.Contains(AccountId, update.SyncError, StringComparison.Ordinal);
        Assert.Contains("vatRegNumber", update.SyncError, StringComparison.Ordinal);
        Assert.Contains("DE123456789", update.SyncError, StringComparison.Ordinal);
        var outcome = Assert.Single(await harness.OutcomesAsync());
        Assert.Equal(SyncOutcomes.Failed, outcome.Outcome);
        Assert.Equal("INVALID_FLD_VALUE", outcome.ErrorCode);
        Assert.Equal("vatRegNumber", outcome.Field);
        Assert.Equal(update.SyncError, outcome.Message);
    }

    [Fact]
    public async Task Handle_MappingError_WritesBackFailedWithoutUpsert()
    {
        harness.Salesforce.Add(TestAccounts.Alfreds(AccountId) with
        {
            ShippingAddress = TestAccounts.Berlin with { Country = "Atlantis" },
        });

        var response = await harness.DeliverAsync(TestAccounts.Changed(AccountId));

        Assert.Equal(TopicResponse.Success, response);
        Assert.Empty(harness.NetSuite.Upserts);
        var (_, update) = Assert.Single(harness.Salesforce.Writebacks);
        Assert.Equal(SyncStatus.Failed, update.SyncStatus);
        Assert.Equal(
            $"Account {AccountId}: ShippingCountry 'Atlantis' is not a known country.", update.SyncError);
        var outcome = Assert.Single(await harness.OutcomesAsync());
        Assert.Equal(MappingErrorCodes.UnknownCountry, outcome.ErrorCode);
        Assert.Equal("ShippingCountry", outcome.Field);
    }

    [Fact]
    public async Task Handle_FailureThenSuccess_ResolvesOutcome()
    {
        harness.Salesforce.Add(TestAccounts.Alfreds(AccountId) with { DunsNumber = "123" });
        await harness.DeliverAsync(TestAccounts.Changed(AccountId, "evt-1"));
        harness.Salesforce.Add(TestAccounts.Alfreds(AccountId));
        harness.Time.Advance(TimeSpan.FromMinutes(5));

        await harness.DeliverAsync(TestAccounts.Changed(AccountId, "evt-2"));

        var outcome = Assert.Single(await harness.OutcomesAsync());
        Assert.Equal(SyncOutcomes.Synced, outcome.Outcome);
        Assert.Null(outcome.ErrorCode);
        Assert.Null(outcome.Message);
        Assert.Null(outcome.Field);
        Assert.Equal(2, outcome.Attempts);
        Assert.Equal(outcome.FirstSeen + TimeSpan.FromMinutes(5), outcome.LastSeen);
        Assert.Equal(SyncStatus.Synced, harness.Salesforce.Writebacks.Last().Update.SyncStatus);
    }

    [Fact]
    public async Task Handle_ParentNotInNetSuite_SyncsParentFirst()
    {
        harness.Salesforce.Add(TestAccounts.Alfreds(ParentId) with { Name = "Alfreds Holding" });
        harness.Salesforce.Add(TestAccounts.Alfreds(AccountId) with { ParentId = ParentId });

        var response = await harness.DeliverAsync(TestAccounts.Changed(AccountId));

        Assert.Equal(TopicResponse.Success, response);
        var upserts = harness.NetSuite.Upserts.ToList();
        Assert.Equal(2, upserts.Count);
        Assert.Equal(ParentId, upserts[0].ExternalId);
        Assert.Equal(AccountId, upserts[1].ExternalId);
        Assert.Equal("1001", upserts[1].ParentInternalId);
        Assert.Equal("1001", harness.Salesforce.Get(ParentId).NetSuiteId);
        Assert.Equal("1002", harness.Salesforce.Get(AccountId).NetSuiteId);
        Assert.Equal(2, (await harness.OutcomesAsync()).Count(outcome => outcome.Outcome == SyncOutcomes.Synced));
    }

    [Fact]
    public async Task Handle_ParentAlreadyInNetSuite_UsesItsId()
    {
        harness.Salesforce.Add(TestAccounts.Alfreds(ParentId) with { NetSuiteId = "555" });
        harness.Salesforce.Add(TestAccounts.Alfreds(AccountId) with { ParentId = ParentId });

        await harness.DeliverAsync(TestAccounts.Changed(AccountId));

        var upsert = Assert.Single(harness.NetSuite.Upserts);
        Assert.Equal("555", upsert.ParentInternalId);
        Assert.False(harness.Salesforce.GetCalls.ContainsKey(ParentId));
    }

    [Fact]
    public async Task Handle_ParentCycle_FailsBothWithoutUpsert()
    {
        harness.Salesforce.Add(TestAccounts.Alfreds(ParentId) with { ParentId = AccountId });
        harness.Salesforce.Add(TestAccounts.Alfreds(AccountId) with { ParentId = ParentId });

        var response = await harness.DeliverAsync(TestAccounts.Changed(AccountId));

        Assert.Equal(TopicResponse.Success, response);
        Assert.Empty(harness.NetSuite.Upserts);
        var outcomes = (await harness.OutcomesAsync()).ToDictionary(outcome => outcome.RecordId);
        Assert.Equal("PARENT_CYCLE", outcomes[ParentId].ErrorCode);
        Assert.Equal("PARENT_NOT_SYNCED", outcomes[AccountId].ErrorCode);
        Assert.Equal("ParentId", outcomes[AccountId].Field);
        Assert.Contains(ParentId, outcomes[AccountId].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handle_ParentChainTooDeep_FailsNamingSetting()
    {
        await using var shallow = OrchestratorHarness.Create(new Dictionary<string, string?>
        {
            ["CustomerSync:MaxParentDepth"] = "1",
        });
        shallow.Salesforce.Add(TestAccounts.Alfreds("001000000000003AAA"));
        shallow.Salesforce.Add(TestAccounts.Alfreds(ParentId) with { ParentId = "001000000000003AAA" });
        shallow.Salesforce.Add(TestAccounts.Alfreds(AccountId) with { ParentId = ParentId });

        await shallow.DeliverAsync(TestAccounts.Changed(AccountId));

        Assert.Empty(shallow.NetSuite.Upserts);
        var outcomes = (await shallow.OutcomesAsync()).ToDictionary(outcome => outcome.RecordId);
        Assert.Equal("PARENT_DEPTH_EXCEEDED", outcomes[ParentId].ErrorCode);
        Assert.Contains("CustomerSync:MaxParentDepth", outcomes[ParentId].Message, StringComparison.Ordinal);
        Assert.Equal("PARENT_NOT_SYNCED", outcomes[AccountId].ErrorCode);
    }

    [Fact]
    public async Task Handle_AccountNotFound_RecordsFailureWithoutWriteback()
    {
        var response = await harness.DeliverAsync(TestAccounts.Changed(AccountId));

        Assert.Equal(TopicResponse.Success, response);
        Assert.Empty(harness.Salesforce.Writebacks);
        var outcome = Assert.Single(await harness.OutcomesAsync());
        Assert.Equal("NOT_FOUND", outcome.ErrorCode);
    }

    [Fact]
    public async Task Handle_MalformedEvent_DropsAndRecords()
    {
        var missingAccount = await harness.DeliverAsync(TestAccounts.Changed(" ", "evt-bad"));
        var noBody = await harness.DeliverAsync(null, cloudEventId: "ce-7");

        Assert.Equal(TopicResponse.Drop, missingAccount);
        Assert.Equal(TopicResponse.Drop, noBody);
        Assert.Empty(harness.Salesforce.GetCalls);
        var outcomes = (await harness.OutcomesAsync()).ToDictionary(outcome => outcome.RecordId);
        Assert.Equal("MALFORMED_EVENT", outcomes["event:evt-bad"].ErrorCode);
        Assert.Equal("AccountId", outcomes["event:evt-bad"].Field);
        Assert.Equal("MALFORMED_EVENT", outcomes["event:ce-7"].ErrorCode);
    }
}
