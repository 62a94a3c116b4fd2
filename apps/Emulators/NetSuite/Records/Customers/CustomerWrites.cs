using System.Text.Json;
using DaprSync.NetSuiteEmulator.Errors;

namespace DaprSync.NetSuiteEmulator.Records.Customers;

/// <summary>The outcome of a customer write: the stored record, a validation error, or no record to change.</summary>
internal sealed record CustomerWriteOutcome(
    NetSuiteCustomer? Customer,
    NetSuiteErrorDetail? Error,
    bool NotFound = false)
{
    public static CustomerWriteOutcome Missing { get; } = new(null, null, NotFound: true);
}

/// <summary>Creates, updates and upserts customers. Each operation runs as one write on the record store.</summary>
internal sealed class CustomerWrites(NetSuiteRecords records, TimeProvider timeProvider)
{
    public CustomerWriteOutcome Create(JsonElement body, bool replaceAddressBook) => records.Write(table =>
    {
        var now = timeProvider.GetUtcNow();
        var empty = new NetSuiteCustomer { DateCreated = now, LastModifiedDate = now };
        var result = Validate(table, body, empty, replaceAddressBook);
        if (result.Error is not null)
        {
            return new CustomerWriteOutcome(null, result.Error);
        }

        var customer = result.Customer!;
        if (customer.ExternalId is not null && table.FindByExternalId(customer.ExternalId) is not null)
        {
            return new CustomerWriteOutcome(null, RecordErrors.DuplicateExternalId());
        }

        return new CustomerWriteOutcome(table.Insert(customer), null);
    });

    public CustomerWriteOutcome Update(string internalId, JsonElement body, bool replaceAddressBook) =>
        records.Write(table => table.Find(internalId) is { } stored
            ? Change(table, stored, body, replaceAddressBook)
            : CustomerWriteOutcome.Missing);

    public CustomerWriteOutcome UpdateByExternalId(string externalId, JsonElement body, bool replaceAddressBook) =>
        records.Write(table => table.FindByExternalId(externalId) is { } stored
            ? Change(table, stored, body, replaceAddressBook)
            : CustomerWriteOutcome.Missing);

    /// <summary>Updates the customer with <paramref name="externalId"/>, or creates it when there is none.</summary>
    public CustomerWriteOutcome Upsert(string externalId, JsonElement body, bool replaceAddressBook) =>
        records.Write(table =>
        {
            if (body.ValueKind == JsonValueKind.Object
                && body.TryGetProperty("externalId", out var sent)
                && !(sent.ValueKind == JsonValueKind.String
                     && string.Equals(sent.GetString(), externalId, StringComparison.OrdinalIgnoreCase)))
            {
                return new CustomerWriteOutcome(null, RecordErrors.ConflictingExternalId("externalId"));
            }

            if (table.FindByExternalId(externalId) is { } stored)
            {
                return Change(table, stored, body, replaceAddressBook);
            }

            var now = timeProvider.GetUtcNow();
            var empty = new NetSuiteCustomer { ExternalId = externalId, DateCreated = now, LastModifiedDate = now };
            var result = Validate(table, body, empty, replaceAddressBook);
            return result.Error is null
                ? new CustomerWriteOutcome(table.Insert(result.Customer! with { ExternalId = externalId }), null)
                : new CustomerWriteOutcome(null, result.Error);
        });

    private CustomerWriteOutcome Change(
        NetSuiteRecords.CustomerTable table,
        NetSuiteCustomer stored,
        JsonElement body,
        bool replaceAddressBook)
    {
        var result = Validate(table, body, stored, replaceAddressBook);
        if (result.Error is not null)
        {
            return new CustomerWriteOutcome(null, result.Error);
        }

        var customer = result.Customer! with { LastModifiedDate = timeProvider.GetUtcNow() };
        if (customer.ExternalId is not null
            && table.FindByExternalId(customer.ExternalId) is { } holder
            && holder.Id != stored.Id)
        {
            return new CustomerWriteOutcome(null, RecordErrors.DuplicateExternalId());
        }

        return new CustomerWriteOutcome(table.Update(customer), null);
    }

    private CustomerPayload.Result Validate(
        NetSuiteRecords.CustomerTable table,
        JsonElement body,
        NetSuiteCustomer baseline,
        bool replaceAddressBook) =>
        CustomerPayload.Apply(
            body, baseline, replaceAddressBook, records.ReferenceData, id => table.Find(id) is not null);
}
