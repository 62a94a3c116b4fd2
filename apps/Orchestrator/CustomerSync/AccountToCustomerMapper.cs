using System.Globalization;
using DaprSync.Contracts.NetSuite;
using DaprSync.Contracts.Salesforce;
using Microsoft.Extensions.Options;

namespace DaprSync.Orchestrator.CustomerSync;

/// <summary>
/// Maps a Salesforce Account to a NetSuite Customer upsert. Pure apart from its settings: it reads and
/// writes nothing, and reports the first invalid field as an <see cref="AccountMappingException"/>.
/// </summary>
public sealed class AccountToCustomerMapper(IOptions<CustomerSyncOptions> options)
{
    private readonly CustomerSyncOptions settings = options.Value;

    /// <summary>
    /// Builds the upsert for <paramref name="account"/>, whose parent Customer has
    /// <paramref name="parentInternalId"/> (null when the Account has no parent).
    /// </summary>
    /// <exception cref="AccountMappingException">
    /// A field cannot be mapped. The message names the field and its value.
    /// </exception>
    public CustomerUpsertRequest Map(SalesforceAccount account, string? parentInternalId)
    {
        ArgumentNullException.ThrowIfNull(account);

        var companyName = Trimmed(account.Name) ?? throw new AccountMappingException(
            account.Id,
            "Name",
            account.Name,
            MappingErrorCodes.RequiredFieldMissing,
            "is missing or blank, but NetSuite requires a company name");

        return new CustomerUpsertRequest(
            ExternalId: account.Id,
            InternalId: Trimmed(account.NetSuiteId),
            CompanyName: companyName,
            AccountNumber: Trimmed(account.AccountNumber),
            SubsidiaryId: settings.SubsidiaryId,
            TermsId: MapValue(account.Id, "Payment_Terms__c", account.PaymentTerms, settings.PaymentTerms),
            CreditLimit: MapCreditLimit(account),
            VatRegNumber: Trimmed(account.TaxId),
            DunsNumber: MapDunsNumber(account),
            ShippingItemId: MapValue(
                account.Id, "Shipping_Carrier__c", account.ShippingCarrier, settings.ShippingCarriers),
            ParentInternalId: Trimmed(parentInternalId),
            Phone: Trimmed(account.Phone),
            Addresses: AddressMapper.MapAddresses(account, companyName));
    }

    internal static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? MapValue(string accountId, string field, string? value, ValueMapOptions map)
    {
        var key = Trimmed(value);
        if (key is null)
        {
            return map.Default;
        }

        return map.Values.TryGetValue(key, out var internalId)
            ? internalId
            : throw new AccountMappingException(
                accountId, field, value, MappingErrorCodes.UnmappedValue, "has no NetSuite id in the value map");
    }

    private static decimal? MapCreditLimit(SalesforceAccount account) =>
        account.CreditLimit is < 0
            ? throw new AccountMappingException(
                account.Id,
                "Credit_Limit__c",
                account.CreditLimit.Value.ToString(CultureInfo.InvariantCulture),
                MappingErrorCodes.InvalidValue,
                "is negative")
            : account.CreditLimit;

    // A DUNS number is nine digits, often written with dashes (12-345-6789).
    private static string? MapDunsNumber(SalesforceAccount account)
    {
        var value = Trimmed(account.DunsNumber);
        if (value is null)
        {
            return null;
        }

        var digits = value
            .Replace("-", string.Empty, StringComparison.Ordinal)
            .Replace(" ", string.Empty, StringComparison.Ordinal);
        return digits.Length == 9 && digits.All(char.IsAsciiDigit)
            ? digits
            : throw new AccountMappingException(
                account.Id, "DUNS_Number__c", account.DunsNumber, MappingErrorCodes.InvalidValue, "is not 9 digits");
    }
}
