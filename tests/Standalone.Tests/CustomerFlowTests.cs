using System.Net;
using System.Text.Json.Nodes;
using DaprSync.Contracts;
using DaprSync.Contracts.Events;
using DaprSync.Orchestrator.Outcomes;
using DaprSync.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace DaprSync.Standalone.Tests;

/// <summary>
/// Flow F1 end to end: Account in the Salesforce emulator, Platform Event over the Pub/Sub API,
/// the in-process bus, the orchestrator, both System APIs over loopback, Customer in the NetSuite
/// emulator, and the writeback on the Account.
/// </summary>
public sealed class CustomerFlowTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AccountCreated_SyncsCustomerAndWritesBackId()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var loader = await sandbox.SignInAsLoaderAsync();

        var id = await CreateAccountAsync(loader, "Bob's Burgers & Co", "UK", terms: "Net 15");
        await sandbox.WaitForOutcomesAsync(o => o.Count == 1);

        var account = sandbox.SalesforceRecords.Get("Account", id)!;
        var customer = Assert.Single(sandbox.NetSuiteRecords.Customers);
        Assert.Equal(customer.Id, account.GetString("NetSuite_Id__c"));
        Assert.Equal("Synced", account.GetString("Sync_Status__c"));
        Assert.Equal(id, customer.ExternalId);
        Assert.Equal(id, customer.SalesforceAccountId);
        Assert.Equal("Bob's Burgers & Co", customer.CompanyName);
        Assert.Equal("1", customer.TermsId);
        Assert.Equal("GB", Assert.Single(customer.Addresses).CountryCode);
    }

    [Fact]
    public async Task AccountChanged_UpdatesSameCustomerWithoutEcho()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var loader = await sandbox.SignInAsLoaderAsync();
        var id = await CreateAccountAsync(loader, "Harbour Foods", "United Kingdom");
        await sandbox.WaitForOutcomesAsync(o => o.Count == 1);

        await loader.UpdateAsync("Account", id, new JsonObject { ["Credit_Limit__c"] = 75000 }, Token);
        await sandbox.WaitForOutcomesAsync(o => o.Any(x => x.Attempts >= 2));

        var customer = Assert.Single(sandbox.NetSuiteRecords.Customers);
        Assert.Equal(75000m, customer.CreditLimit);

        // One event for the create and one for the edit; the writebacks by the integration user publish none.
        Assert.Equal(2, sandbox.PlatformEvents.GetPublished("/event/AccountsEvent__e").Count);
    }

    [Fact]
    public async Task SameEventThreeTimes_GivesOneCustomerAndOneUpsert()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var loader = await sandbox.SignInAsLoaderAsync();
        var id = await CreateAccountAsync(loader, "Triple Delivery GmbH", "DEU");
        await sandbox.WaitForOutcomesAsync(o => o.Count == 1);
        var callsBefore = NetSuiteCalls(sandbox);

        var publisher = sandbox.Host.App(AppIds.SalesforceSapi).Services.GetRequiredService<IEventPublisher>();
        var duplicate = new AccountChangedEvent("evt-duplicate-1", id, "UPDATE", DateTimeOffset.UtcNow);
        for (var i = 0; i < 3; i++)
        {
            await publisher.PublishAsync(Topics.AccountChanged, duplicate, duplicate.EventId, Token);
        }

        Assert.True(await sandbox.Host.Runtime.Bus.WaitForIdleAsync(TimeSpan.FromSeconds(20), Token));
        Assert.Single(sandbox.NetSuiteRecords.Customers);
        Assert.Equal(1, NetSuiteCalls(sandbox) - callsBefore);
    }

    [Fact]
    public async Task CrashBeforeWriteback_RedeliveryGivesOneCustomer()
    {
        var failWriteback = new WritebackBlocker();

        // A short claim lets the redelivery after the restart proceed soon instead of after one minute.
        await using var sandbox = await SandboxFixture.StartAsync(
            new Dictionary<string, string?> { ["CustomerSync:EventClaimTimeout"] = "00:00:02" },
            configureEach: builder => builder.Services.ConfigureHttpClientDefaults(
                client => client.AddHttpMessageHandler(() => failWriteback.CreateHandler())));
        using var loader = await sandbox.SignInAsLoaderAsync();

        failWriteback.Enabled = true;
        var id = await CreateAccountAsync(loader, "Crash Test Provisions", "Canada");
        await SandboxFixture.WaitUntilAsync(() => sandbox.NetSuiteRecords.Customers.Count == 1, TimeSpan.FromSeconds(20));
        await SandboxFixture.WaitUntilAsync(() => failWriteback.Blocked > 0, TimeSpan.FromSeconds(20));

        // The host goes down after the Customer exists in NetSuite and before the writeback landed.
        await sandbox.StopHostAsync();
        Assert.Null(sandbox.SalesforceRecords.Get("Account", id)!.GetString("NetSuite_Id__c"));
        failWriteback.Enabled = false;
        await sandbox.StartHostAsync();

        await SandboxFixture.WaitUntilAsync(
            () => sandbox.SalesforceRecords.Get("Account", id)!.GetString("NetSuite_Id__c") is not null,
            TimeSpan.FromSeconds(30));
        var customer = Assert.Single(sandbox.NetSuiteRecords.Customers);
        Assert.Equal(customer.Id, sandbox.SalesforceRecords.Get("Account", id)!.GetString("NetSuite_Id__c"));
    }

    [Fact]
    public async Task BadRecords_FailWithFieldAndValue_RestSync()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var loader = await sandbox.SignInAsLoaderAsync();

        var good = await CreateAccountAsync(loader, "Good Grocer", "France");
        var badCountry = await CreateAccountAsync(loader, "Atlantis Imports", "Atlantis");
        var badTerms = await CreateAccountAsync(loader, "Slow Payer Ltd", "Ireland", terms: "Net 90");
        var outcomes = await sandbox.WaitForOutcomesAsync(o => o.Count == 3);

        Assert.Equal(SyncOutcomes.Synced, outcomes.Single(o => o.RecordId == good).Outcome);
        AssertFailed(sandbox, outcomes, badCountry, "Atlantis");
        AssertFailed(sandbox, outcomes, badTerms, "Net 90");
        Assert.Single(sandbox.NetSuiteRecords.Customers);
    }

    [Fact]
    public async Task NetSuiteRejection_SurfacesErrorCodeOnAccount()
    {
        // A carrier mapped to a shipping item that does not exist in NetSuite makes NetSuite reject the record.
        await using var sandbox = await SandboxFixture.StartAsync(new Dictionary<string, string?>
        {
            ["CustomerSync:ShippingCarriers:Default"] = "101",
            ["CustomerSync:ShippingCarriers:Values:Zeppelin"] = "999999",
        });
        using var loader = await sandbox.SignInAsLoaderAsync();

        var id = await CreateAccountAsync(loader, "Airship Deliveries", "USA", carrier: "Zeppelin");
        var outcome = Assert.Single(await sandbox.WaitForOutcomesAsync(o => o.Count == 1));

        Assert.Equal(SyncOutcomes.Failed, outcome.Outcome);
        Assert.False(string.IsNullOrEmpty(outcome.ErrorCode));
        Assert.Contains(outcome.ErrorCode!, sandbox.SalesforceRecords.Get("Account", id)!.GetString("Sync_Error__c"), StringComparison.Ordinal);
        Assert.Empty(sandbox.NetSuiteRecords.Customers);
    }

    private static void AssertFailed(SandboxFixture sandbox, IReadOnlyList<SyncOutcome> outcomes, string id, string value)
    {
        var outcome = outcomes.Single(o => o.RecordId == id);
        Assert.Equal(SyncOutcomes.Failed, outcome.Outcome);
        Assert.Contains(value, outcome.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(outcome.Field));
        var account = sandbox.SalesforceRecords.Get("Account", id)!;
        Assert.Equal("Failed", account.GetString("Sync_Status__c"));
        Assert.Contains(value, account.GetString("Sync_Error__c"), StringComparison.Ordinal);
    }

    // Only the customer record endpoints count. The host's pollers fire on their cron schedules (each quarter hour
    // and 7 and 11 minutes after it), and their SuiteQL queries land in the emulator's total as well.
    private static long NetSuiteCalls(SandboxFixture sandbox) =>
        sandbox.Emulators.NetSuite.Services.GetRequiredService<NetSuiteEmulator.Diagnostics.NetSuiteCallCounter>()
            .Snapshot()
            .Where(pair => pair.Key.Contains("/record/v1/customer", StringComparison.Ordinal))
            .Sum(pair => pair.Value);

    private static async Task<string> CreateAccountAsync(
        Sandbox.SalesforceLoader loader, string name, string country, string? terms = null, string? carrier = null)
    {
        var record = new JsonObject
        {
            ["attributes"] = new JsonObject { ["type"] = "Account", ["referenceId"] = "ref1" },
            ["Name"] = name,
            ["BillingStreet"] = "1 Test Street",
            ["BillingCity"] = "Testville",
            ["BillingCountry"] = country,
        };
        if (terms is not null)
        {
            record["Payment_Terms__c"] = terms;
        }

        if (carrier is not null)
        {
            record["Shipping_Carrier__c"] = carrier;
        }

        var ids = await loader.CreateTreeAsync("Account", [record], Token);
        return ids["ref1"];
    }

    /// <summary>
    /// Fails the orchestrator's writeback call to sf-sapi while enabled, standing in for a host that
    /// dies between the NetSuite create and the writeback.
    /// </summary>
    private sealed class WritebackBlocker
    {
        private int _blocked;

        public bool Enabled { get; set; }

        public int Blocked => _blocked;

        public DelegatingHandler CreateHandler() => new Handler(this);

        private sealed class Handler(WritebackBlocker owner) : DelegatingHandler
        {
            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                if (owner.Enabled && request.Method == HttpMethod.Patch
                    && request.RequestUri!.AbsolutePath.EndsWith("/sync", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref owner._blocked);
                    return Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
                }

                return base.SendAsync(request, cancellationToken);
            }
        }
    }
}
