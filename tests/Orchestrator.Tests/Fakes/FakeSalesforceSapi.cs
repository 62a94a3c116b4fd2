using System.Collections.Concurrent;
using System.Net;
using DaprSync.Contracts.Salesforce;

namespace DaprSync.Orchestrator.Tests.Fakes;

/// <summary>
/// In-memory fake of the project's own <see cref="ISalesforceSapi"/> contract: Accounts by id, every
/// writeback in order, call counts, and queued failures per operation.
/// </summary>
internal sealed partial class FakeSalesforceSapi : ISalesforceSapi
{
    private readonly ConcurrentDictionary<string, SalesforceAccount> accounts = new();

    public ConcurrentQueue<(string AccountId, AccountSyncUpdate Update)> Writebacks { get; } = new();

    public ConcurrentDictionary<string, int> GetCalls { get; } = new();

    /// <summary>Failures raised by the next writebacks, one per call, before any writeback is applied.</summary>
    public ConcurrentQueue<Exception> WritebackFailures { get; } = new();

    /// <summary>Failures raised by the next account reads, one per call.</summary>
    public ConcurrentQueue<Exception> ReadFailures { get; } = new();

    public void Add(SalesforceAccount account) => accounts[account.Id] = account;

    public SalesforceAccount Get(string accountId) => accounts[accountId];

    public async Task<SalesforceAccount> GetAccountAsync(
        string accountId,
        CancellationToken cancellationToken = default)
    {
        GetCalls.AddOrUpdate(accountId, 1, (_, count) => count + 1);
        if (ReadFailures.TryDequeue(out var failure))
        {
            throw failure;
        }

        if (!accounts.TryGetValue(accountId, out var account))
        {
            throw await ApiExceptions.CreateAsync(HttpStatusCode.NotFound, method: HttpMethod.Get);
        }

        // The real System API resolves the parent's NetSuite id from the parent Account.
        var parentNetSuiteId = account.ParentId is not null && accounts.TryGetValue(account.ParentId, out var parent)
            ? parent.NetSuiteId
            : null;
        return account with { ParentNetSuiteId = parentNetSuiteId };
    }

    public Task UpdateAccountSyncAsync(
        string accountId,
        AccountSyncUpdate update,
        CancellationToken cancellationToken = default)
    {
        if (WritebackFailures.TryDequeue(out var failure))
        {
            throw failure;
        }

        Writebacks.Enqueue((accountId, update));
        if (update.NetSuiteId is not null)
        {
            accounts.AddOrUpdate(accountId, _ => throw new KeyNotFoundException(accountId),
                (_, account) => account with { NetSuiteId = update.NetSuiteId });
        }

        return Task.CompletedTask;
    }
}
