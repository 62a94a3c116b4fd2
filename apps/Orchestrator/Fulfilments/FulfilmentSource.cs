using DaprSync.Contracts.NetSuite;
using DaprSync.Orchestrator.Polling;

namespace DaprSync.Orchestrator.Fulfilments;

/// <summary>NetSuite item fulfilments modified or deleted in a window, read through the NetSuite System API.</summary>
public sealed class FulfilmentSource(INetSuiteSapi netSuite) : TransactionSource<NetSuiteFulfilment>(netSuite)
{
    protected override IReadOnlyList<string> DeletedTypes { get; } = ["ItemShip"];

    protected override string RecordsName => "fulfilments";

    protected override async Task<PollerPage<NetSuiteFulfilment>> ReadModifiedAsync(
        DateTimeOffset since, DateTimeOffset until, int pageSize, string? cursor, CancellationToken cancellationToken)
    {
        var page = await NetSuite.ListFulfilmentsAsync(since, until, pageSize, cursor, cancellationToken);
        return new PollerPage<NetSuiteFulfilment>(page.Items, page.HasMore, page.Cursor);
    }

    protected override PolledKey KeyOfRecord(NetSuiteFulfilment record) => new(record.InternalId, record.LastModifiedDate);
}
