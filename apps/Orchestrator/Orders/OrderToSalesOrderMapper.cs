using DaprSync.Contracts.NetSuite;
using DaprSync.Contracts.Salesforce;
using DaprSync.Orchestrator.CustomerSync;
using Microsoft.Extensions.Options;

namespace DaprSync.Orchestrator.Orders;

/// <summary>
/// Maps a Salesforce Order and its items to a NetSuite Sales Order upsert. Pure apart from the carrier map:
/// it reads and writes nothing. The country stays text, because ns-sapi maps it to NetSuite's enum and rejects
/// an unknown one with the field named.
/// </summary>
public sealed class OrderToSalesOrderMapper(IOptions<CustomerSyncOptions> customerOptions)
{
    /// <summary>Builds the upsert, or returns the first field that cannot go to NetSuite as a failure.</summary>
    public (SalesOrderUpsertRequest? Request, OrderStepFailure? Failure) Map(
        SalesforceOrder order,
        string customerInternalId)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentException.ThrowIfNullOrWhiteSpace(customerInternalId);

        if (order.EffectiveDate is not { } orderDate)
        {
            return (null, Failure(order, "EffectiveDate", null, OrderErrorCodes.RequiredFieldMissing, "is missing"));
        }

        if (order.Items.Count == 0)
        {
            return (null, Failure(order, "OrderItems", null, OrderErrorCodes.RequiredFieldMissing, "are missing"));
        }

        var lines = new List<SalesOrderLine>(order.Items.Count);
        foreach (var item in order.Items)
        {
            var sku = AccountToCustomerMapper.Trimmed(item.Sku);
            if (sku is null)
            {
                var problem = $"of OrderItem {item.Id} is missing, so the line has no NetSuite item";
                return (null, Failure(order, "Product2.ProductCode", null, OrderErrorCodes.RequiredFieldMissing, problem));
            }

            lines.Add(new SalesOrderLine(
                item.Id,
                sku,
                item.Quantity,
                item.UnitPrice,
                item.ExpectedShipDate,
                item.DiscountPercent,
                AccountToCustomerMapper.Trimmed(item.SequenceName),
                AccountToCustomerMapper.Trimmed(item.QuoteLineItemId)));
        }

        var carriers = customerOptions.Value.ShippingCarriers;
        var carrier = AccountToCustomerMapper.Trimmed(order.ShippingCarrier);
        string? shipMethodId = carriers.Default;
        if (carrier is not null && !carriers.Values.TryGetValue(carrier, out shipMethodId))
        {
            return (null, Failure(
                order, "Shipping_Carrier__c", carrier, OrderErrorCodes.UnmappedValue, "has no NetSuite id in the value map"));
        }

        var (address, addressFailure) = MapAddress(order);
        if (addressFailure is not null)
        {
            return (null, addressFailure);
        }

        // The header ship date is the earliest line date, so the first shipment is planned on time.
        var shipDate = lines.Min(line => line.ExpectedShipDate);
        var request = new SalesOrderUpsertRequest(
            ExternalId: order.Id,
            CustomerInternalId: customerInternalId,
            OrderDate: orderDate,
            PurchaseOrderNumber: AccountToCustomerMapper.Trimmed(order.PoNumber),
            Memo: null,
            ShipMethodId: shipMethodId,
            ShipDate: shipDate,
            DiscountPercent: null,
            ShippingAddress: address,
            Lines: lines,
            InternalId: AccountToCustomerMapper.Trimmed(order.NetSuiteOrderId));
        return (request, null);
    }

    private static (SalesOrderAddress? Address, OrderStepFailure? Failure) MapAddress(SalesforceOrder order)
    {
        if (order.ShippingAddress is not { } address)
        {
            return (null, null);
        }

        var street = AccountToCustomerMapper.Trimmed(address.Street);
        var city = AccountToCustomerMapper.Trimmed(address.City);
        var state = AccountToCustomerMapper.Trimmed(address.State);
        var zip = AccountToCustomerMapper.Trimmed(address.PostalCode);
        var country = AccountToCustomerMapper.Trimmed(address.Country);
        if (street is null && city is null && state is null && zip is null && country is null)
        {
            return (null, null);
        }

        if (country is null)
        {
            return (null, Failure(
                order, "ShippingCountry", null, OrderErrorCodes.RequiredFieldMissing, "is missing, but the address has other fields"));
        }

        // Salesforce keeps street lines in one field; NetSuite gets the first as Addr1 and the rest as Addr2.
        var lines = street?.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];
        var addr1 = lines.Length > 0 ? lines[0] : null;
        var addr2 = lines.Length > 1 ? string.Join(", ", lines[1..]) : null;
        return (new SalesOrderAddress(null, null, addr1, addr2, city, state, zip, country), null);
    }

    private static OrderStepFailure Failure(
        SalesforceOrder order, string field, string? value, string errorCode, string problem) =>
        new(
            errorCode,
            value is null ? $"Order {order.Id}: {field} {problem}." : $"Order {order.Id}: {field} '{value}' {problem}.",
            field);
}
