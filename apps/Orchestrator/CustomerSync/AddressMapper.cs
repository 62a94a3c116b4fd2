using DaprSync.Contracts.Geography;
using DaprSync.Contracts.NetSuite;
using DaprSync.Contracts.Salesforce;

namespace DaprSync.Orchestrator.CustomerSync;

/// <summary>Maps an Account's billing and shipping addresses to NetSuite address book entries.</summary>
internal static class AddressMapper
{
    /// <summary>
    /// Returns no entry for an empty address, and one entry that is both default billing and default
    /// shipping when the two addresses are the same.
    /// </summary>
    public static IReadOnlyList<CustomerAddress> MapAddresses(SalesforceAccount account, string addressee)
    {
        var billing = MapAddress(account.Id, "Billing", account.BillingAddress, addressee);
        var shipping = MapAddress(account.Id, "Shipping", account.ShippingAddress, addressee);

        if (billing is not null && shipping is not null && SamePlace(billing, shipping))
        {
            return [billing with { Label = "Billing and shipping", DefaultShipping = true }];
        }

        var addresses = new List<CustomerAddress>(2);
        if (billing is not null)
        {
            addresses.Add(billing);
        }

        if (shipping is not null)
        {
            addresses.Add(shipping);
        }

        return addresses;
    }

    private static CustomerAddress? MapAddress(string accountId, string kind, PostalAddress? address, string addressee)
    {
        if (address is null)
        {
            return null;
        }

        var street = AccountToCustomerMapper.Trimmed(address.Street);
        var city = AccountToCustomerMapper.Trimmed(address.City);
        var state = AccountToCustomerMapper.Trimmed(address.State);
        var zip = AccountToCustomerMapper.Trimmed(address.PostalCode);
        var country = AccountToCustomerMapper.Trimmed(address.Country);
        if (street is null && city is null && state is null && zip is null && country is null)
        {
            return null;
        }

        var countryField = kind + "Country";
        if (country is null)
        {
            throw new AccountMappingException(
                accountId,
                countryField,
                null,
                MappingErrorCodes.RequiredFieldMissing,
                "is missing, but the address has other fields");
        }

        if (!CountryTable.TryResolve(country, out var resolved))
        {
            throw new AccountMappingException(
                accountId, countryField, address.Country, MappingErrorCodes.UnknownCountry, "is not a known country");
        }

        var (addr1, addr2) = SplitStreet(street);
        return new CustomerAddress(
            Label: kind,
            DefaultBilling: kind == "Billing",
            DefaultShipping: kind == "Shipping",
            Addressee: addressee,
            Addr1: addr1,
            Addr2: addr2,
            City: city,
            State: state,
            Zip: zip,
            CountryCode: resolved.Alpha2);
    }

    // Salesforce keeps street lines in one field separated by newlines. NetSuite has Addr1 and Addr2, so
    // the first line goes to Addr1 and the remaining lines, joined by commas, to Addr2.
    private static (string? Addr1, string? Addr2) SplitStreet(string? street)
    {
        if (street is null)
        {
            return (null, null);
        }

        var lines = street.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var rest = lines.Length > 1 ? string.Join(", ", lines[1..]) : null;
        return (lines[0], rest);
    }

    private static bool SamePlace(CustomerAddress billing, CustomerAddress shipping) =>
        billing with { Label = string.Empty, DefaultBilling = false, DefaultShipping = false }
        == shipping with { Label = string.Empty, DefaultBilling = false, DefaultShipping = false };
}
