using System.Net.Http.Json;
using DaprSync.Contracts.NetSuite;

namespace DaprSync.NetSuiteSapi.Tests.Soap;

/// <summary>Sales Order requests and the PUT that sends them to ns-sapi.</summary>
internal static class SalesOrderRequests
{
    public static SalesOrderUpsertRequest Order(
        string customerId,
        string externalId = "801000000000001AAA",
        string country = "Germany",
        string? purchaseOrder = "PO-4711",
        params SalesOrderLine[] lines) => new(
        externalId,
        customerId,
        new DateOnly(2024, 3, 5),
        purchaseOrder,
        "Rush order",
        "101",
        new DateOnly(2024, 3, 8),
        null,
        new SalesOrderAddress("Alfreds Futterkiste", "Maria Anders", "Obere Str. 57", null, "Berlin", null, "12209",
            country),
        lines.Length > 0 ? lines : [Line("802000000000001AAA", "SKU-CHAI", 10, 18.00m)]);

    public static SalesOrderLine Line(string orderItemId, string sku, decimal quantity, decimal unitPrice) =>
        new(orderItemId, sku, quantity, unitPrice, new DateOnly(2024, 3, 8));

    public static Task<HttpResponseMessage> PutAsync(SoapTestHost host, SalesOrderUpsertRequest request) =>
        host.Sapi.PutAsJsonAsync("sales-orders", request, TestContext.Current.CancellationToken);
}
