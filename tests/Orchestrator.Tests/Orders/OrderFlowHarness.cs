using System.Net;
using Dapr.Workflow.Abstractions;
using DaprSync.Contracts.NetSuite;
using DaprSync.Contracts.Salesforce;
using DaprSync.Orchestrator.CustomerSync;
using DaprSync.Orchestrator.Orders;
using DaprSync.Orchestrator.Outcomes;
using DaprSync.Orchestrator.Tests.Fakes;
using DaprSync.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DaprSync.Orchestrator.Tests.Orders;

/// <summary>
/// The order workflow's activities wired to fakes of the two System API contracts and an in-memory state store,
/// run by <see cref="FakeWorkflowContext"/>.
/// </summary>
internal sealed class OrderFlowHarness : IAsyncDisposable
{
    public const string AccountId = "001000000000001AAA";
    public const string OrderId = "801000000000001AAA";

    private readonly ServiceProvider services;

    public OrderFlowHarness()
    {
        State = new InMemoryStateStore(Time);
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton<TimeProvider>(Time);
        collection.AddSingleton<IStateStore>(State);
        collection.AddSingleton<ISalesforceSapi>(Salesforce);
        collection.AddSingleton<INetSuiteSapi>(NetSuite);
        collection.AddSingleton<SyncOutcomeStore>();
        collection.AddOptions<CustomerSyncOptions>().Configure(options =>
        {
            options.ShippingCarriers.Default = "101";
            options.ShippingCarriers.Values["Federal Shipping"] = "102";
        });
        collection.AddSingleton<AccountToCustomerMapper>();
        collection.AddScoped<CustomerSynchronizer>();
        collection.AddSingleton<OrderToSalesOrderMapper>();
        services = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    public InMemoryStateStore State { get; }

    public OrderSalesforceFake Salesforce { get; } = new();

    public OrderNetSuiteFake NetSuite { get; } = new();

    public SyncOutcomeStore Outcomes => services.GetRequiredService<SyncOutcomeStore>();

    public static OrderRetrySettings Retry { get; } = new(3, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1));

    public FakeWorkflowContext NewContext(string orderId = OrderId)
    {
        var activities = new Dictionary<string, IWorkflowActivity>
        {
            [nameof(FetchOrderActivity)] = ActivatorUtilities.CreateInstance<FetchOrderActivity>(services),
            [nameof(EnsureCustomerActivity)] = ActivatorUtilities.CreateInstance<EnsureCustomerActivity>(services),
            [nameof(UpsertSalesOrderActivity)] = ActivatorUtilities.CreateInstance<UpsertSalesOrderActivity>(services),
            [nameof(CompleteOrderSyncActivity)] = ActivatorUtilities.CreateInstance<CompleteOrderSyncActivity>(services),
        };
        return new FakeWorkflowContext(OrderSyncWorkflow.InstanceIdFor(orderId), activities);
    }

    public Task<OrderSyncResult> RunAsync(FakeWorkflowContext context, string orderId = OrderId) =>
        new OrderSyncWorkflow().RunAsync(context, new OrderSyncInput(orderId, "event-1", Retry));

    public void AddAccount(string? netSuiteId) => Salesforce.Add(new SalesforceAccount(
        AccountId, "Vins et alcools Chevalier", "VINET", netSuiteId, null, null, null, null, null, null, null, null,
        null, null, null));

    public void AddOrder(string? netSuiteOrderId = null, string sku = "NW-11", string? carrier = "Federal Shipping") =>
        Salesforce.Add(new SalesforceOrder(
            OrderId,
            AccountId,
            null,
            netSuiteOrderId,
            null,
            "NW-PO-10248",
            carrier,
            new PostalAddress("59 rue de l'Abbaye\nBâtiment B", "Reims", null, "51100", "France"),
            new DateOnly(1996, 7, 4),
            "Activated",
            null,
            [
                new SalesforceOrderItem("802000000000001AAA", sku, 12, 14m, 5m, new DateOnly(1996, 8, 1), "First wave", "0QL000000000001AAA"),
                new SalesforceOrderItem("802000000000002AAA", "NW-42", 10, 9.8m, null, new DateOnly(1996, 7, 20), null, null),
            ]));

    public static Task<Exception> ServiceUnavailableAsync() =>
        ApiExceptionsFor(HttpStatusCode.ServiceUnavailable, null, null, "NetSuite is busy");

    public static Task<Exception> RejectionAsync(string errorCode, string? field, string detail) =>
        ApiExceptionsFor(HttpStatusCode.UnprocessableEntity, errorCode, field, detail);

    public ValueTask DisposeAsync() => services.DisposeAsync();

    private static async Task<Exception> ApiExceptionsFor(HttpStatusCode status, string? errorCode, string? field, string detail) =>
        await ApiExceptions.CreateAsync(status, ApiExceptions.Problem((int)status, "Rejected", detail, errorCode, field));
}
