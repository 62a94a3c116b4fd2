using System.Text.Json;
using DaprSync.NetSuiteEmulator.Errors;

namespace DaprSync.NetSuiteEmulator.Records.Customers;

/// <summary>
/// Applies a customer body from POST, PATCH or PUT onto a stored (or empty) customer and validates the result as
/// NetSuite does: known fields only, value types, existing references and the required fields.
/// </summary>
internal static class CustomerPayload
{
    /// <summary>The outcome: the changed customer, not yet stored, or the first validation error.</summary>
    public readonly record struct Result(NetSuiteCustomer? Customer, NetSuiteErrorDetail? Error);

    public static Result Apply(
        JsonElement body,
        NetSuiteCustomer baseline,
        bool replaceAddressBook,
        ReferenceData referenceData,
        Func<string, bool> customerExists)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return new Result(null, RecordErrors.InvalidBody());
        }

        var reader = new PayloadReader();
        var customer = baseline;
        var addressBookSent = false;
        foreach (var property in body.EnumerateObject())
        {
            var value = property.Value;
            var name = property.Name;
            customer = name switch
            {
                "externalId" => customer with { ExternalId = reader.ReadString(value, name) },
                "isPerson" => customer with { IsPerson = reader.ReadBoolean(value, name) ?? false },
                "companyName" => customer with { CompanyName = reader.ReadString(value, name) },
                "firstName" => customer with { FirstName = reader.ReadString(value, name) },
                "lastName" => customer with { LastName = reader.ReadString(value, name) },
                "email" => customer with { Email = reader.ReadString(value, name) },
                "accountNumber" => customer with { AccountNumber = reader.ReadString(value, name) },
                "subsidiary" => customer with { SubsidiaryId = reader.ReadReferenceId(value, name) },
                "terms" => customer with { TermsId = reader.ReadReferenceId(value, name) },
                "creditLimit" => customer with { CreditLimit = reader.ReadNumber(value, name) },
                "vatRegNumber" => customer with { VatRegNumber = reader.ReadString(value, name) },
                "phone" => customer with { Phone = reader.ReadString(value, name) },
                "parent" => customer with { ParentId = reader.ReadReferenceId(value, name) },
                "shippingItem" => customer with { ShippingItemId = reader.ReadReferenceId(value, name) },
                "custentity_dsync_sf_account_id" =>
                    customer with { SalesforceAccountId = reader.ReadString(value, name) },
                "custentity_dsync_duns_number" => customer with { DunsNumber = reader.ReadString(value, name) },
                "addressBook" => customer with
                {
                    Addresses = AddressBookPayload.Apply(value, customer.Addresses, replaceAddressBook, reader),
                },
                _ => Reject(reader, customer, name),
            };
            addressBookSent |= name == "addressBook";
        }

        // A sublist named in ?replace= but absent from the body is replaced by nothing, so its lines are removed.
        if (replaceAddressBook && !addressBookSent)
        {
            customer = customer with { Addresses = [] };
        }

        if (!reader.Failed)
        {
            CheckReferences(customer, baseline, referenceData, customerExists, reader);
            CheckRequired(customer, reader);
        }

        return reader.Failed ? new Result(null, reader.Error) : new Result(customer, null);
    }

    private static NetSuiteCustomer Reject(PayloadReader reader, NetSuiteCustomer customer, string name)
    {
        reader.Fail(RecordErrors.NonexistentField(name));
        return customer;
    }

    private static void CheckReferences(
        NetSuiteCustomer customer,
        NetSuiteCustomer baseline,
        ReferenceData referenceData,
        Func<string, bool> customerExists,
        PayloadReader reader)
    {
        if (customer.SubsidiaryId is { } subsidiary && !referenceData.Subsidiaries.ContainsKey(subsidiary))
        {
            reader.Fail(RecordErrors.InvalidReference("subsidiary", "subsidiary", subsidiary));
        }

        if (customer.TermsId is { } terms && !referenceData.Terms.ContainsKey(terms))
        {
            reader.Fail(RecordErrors.InvalidReference("terms", "terms", terms));
        }

        if (customer.ShippingItemId is { } item && !referenceData.ShippingItems.ContainsKey(item))
        {
            reader.Fail(RecordErrors.InvalidReference("shippingItem", "shippingitem", item));
        }

        // A customer cannot be its own parent, so that reference is rejected like an unknown one.
        if (customer.ParentId is { } parent && (parent == baseline.Id || !customerExists(parent)))
        {
            reader.Fail(RecordErrors.InvalidReference("parent", "parent", parent));
        }
    }

    private static void CheckRequired(NetSuiteCustomer customer, PayloadReader reader)
    {
        if (customer.IsPerson)
        {
            if (string.IsNullOrWhiteSpace(customer.FirstName) || string.IsNullOrWhiteSpace(customer.LastName))
            {
                reader.Fail(RecordErrors.MissingValue("lastName", "First Name, Last Name"));
            }
        }
        else if (string.IsNullOrWhiteSpace(customer.CompanyName))
        {
            reader.Fail(RecordErrors.MissingValue("companyName", "Company Name"));
        }

        if (customer.SubsidiaryId is null)
        {
            reader.Fail(RecordErrors.MissingValue("subsidiary", "Primary Subsidiary"));
        }
    }
}
