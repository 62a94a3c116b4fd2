using DaprSync.Contracts.NetSuite;
using DaprSync.Contracts.Salesforce;
using DaprSync.Orchestrator.CustomerSync;

namespace DaprSync.Orchestrator.Tests;

public sealed class AccountToCustomerMapperTests : IAsyncLifetime
{
    private OrchestratorHarness harness = null!;

    private AccountToCustomerMapper Mapper => harness.Mapper;

    public ValueTask InitializeAsync()
    {
        harness = OrchestratorHarness.Create();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => harness.DisposeAsync();

    [Fact]
    public void Map_FullAccount_MapsEveryField()
    {
        var account = TestAccounts.Alfreds() with
        {
            ShippingAddress = new PostalAddress("Unter den Linden 1\nHaus B", "Berlin", "BE", "10117", "DE"),
        };

        var request = Mapper.Map(account, parentInternalId: "77");

        Assert.Equal(account.Id, request.ExternalId);
        Assert.Null(request.InternalId);
        Assert.Equal("Alfreds Futterkiste", request.CompanyName);
        Assert.Equal("ALFKI", request.AccountNumber);
        Assert.Equal("1", request.SubsidiaryId);
        Assert.Equal("2", request.TermsId);
        Assert.Equal(25000m, request.CreditLimit);
        Assert.Equal("DE123456789", request.VatRegNumber);
        Assert.Equal("150483782", request.DunsNumber);
        Assert.Equal("101", request.ShippingItemId);
        Assert.Equal("77", request.ParentInternalId);
        Assert.Equal("030-0074321", request.Phone);
        Assert.Equal(2, request.Addresses.Count);
        Assert.Equal(
            new CustomerAddress(
                "Billing", true, false, "Alfreds Futterkiste", "Obere Str. 57", null, "Berlin", null, "12209", "DE"),
            request.Addresses[0]);
        Assert.Equal(
            new CustomerAddress(
                "Shipping",
                false,
                true,
                "Alfreds Futterkiste",
                "Unter den Linden 1",
                "Haus B",
                "Berlin",
                "BE",
                "10117",
                "DE"),
            request.Addresses[1]);
    }

    [Fact]
    public void Map_AccountWithNetSuiteId_SetsInternalId()
    {
        var request = Mapper.Map(TestAccounts.Alfreds() with { NetSuiteId = "1234" }, null);

        Assert.Equal("1234", request.InternalId);
        Assert.Null(request.ParentInternalId);
    }

    [Fact]
    public void Map_EmptyOptionalFields_UsesDefaultsAndOmitsValues()
    {
        var account = new SalesforceAccount(
            "001000000000002AAA", "Ana Trujillo", " ", null, null, null, "", null, null, null, null, null,
            null, new PostalAddress(null, " ", null, null, null), null);

        var request = Mapper.Map(account, null);

        Assert.Equal("2", request.TermsId);
        Assert.Equal("101", request.ShippingItemId);
        Assert.Null(request.AccountNumber);
        Assert.Null(request.CreditLimit);
        Assert.Null(request.VatRegNumber);
        Assert.Null(request.DunsNumber);
        Assert.Null(request.Phone);
        Assert.Empty(request.Addresses);
    }

    [Fact]
    public void Map_SameBillingAndShipping_SendsOneDefaultAddress()
    {
        var request = Mapper.Map(TestAccounts.Alfreds(), null);

        var address = Assert.Single(request.Addresses);
        Assert.True(address.DefaultBilling);
        Assert.True(address.DefaultShipping);
        Assert.Equal("DE", address.CountryCode);
    }

    [Fact]
    public void Map_StreetWithSeveralLines_SplitsAtFirstNewline()
    {
        var billing = TestAccounts.Berlin with { Street = "Obere Str. 57\r\nHinterhaus\nEtage 3" };

        var account = TestAccounts.Alfreds() with { BillingAddress = billing, ShippingAddress = null };

        var request = Mapper.Map(account, null);

        var address = Assert.Single(request.Addresses);
        Assert.Equal("Obere Str. 57", address.Addr1);
        Assert.Equal("Hinterhaus, Etage 3", address.Addr2);
        Assert.True(address.DefaultBilling);
        Assert.False(address.DefaultShipping);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Map_MissingName_ThrowsNamingName(string? name)
    {
        var account = TestAccounts.Alfreds() with { Name = name };

        var exception = Assert.Throws<AccountMappingException>(() => Mapper.Map(account, null));

        Assert.Equal("Name", exception.Field);
        Assert.Equal(MappingErrorCodes.RequiredFieldMissing, exception.ErrorCode);
        Assert.Contains(account.Id, exception.Message, StringComparison.Ordinal);
        Assert.Contains("Name", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Billing")]
    [InlineData("Shipping")]
    public void Map_UnknownCountry_ThrowsNamingFieldAndValue(string kind)
    {
        var atlantis = TestAccounts.Berlin with { Country = "Atlantis" };
        var account = kind == "Billing"
            ? TestAccounts.Alfreds() with { BillingAddress = atlantis }
            : TestAccounts.Alfreds() with { ShippingAddress = atlantis };

        var exception = Assert.Throws<AccountMappingException>(() => Mapper.Map(account, null));

        Assert.Equal(kind + "Country", exception.Field);
        Assert.Equal("Atlantis", exception.Value);
        Assert.Equal(MappingErrorCodes.UnknownCountry, exception.ErrorCode);
        Assert.Contains($"{kind}Country 'Atlantis'", exception.Message, StringComparison.Ordinal);
        Assert.Contains(account.Id, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_AddressWithoutCountry_ThrowsNamingField()
    {
        var account = TestAccounts.Alfreds() with { BillingAddress = TestAccounts.Berlin with { Country = null } };

        var exception = Assert.Throws<AccountMappingException>(() => Mapper.Map(account, null));

        Assert.Equal("BillingCountry", exception.Field);
        Assert.Equal(MappingErrorCodes.RequiredFieldMissing, exception.ErrorCode);
    }

    [Fact]
    public void Map_TermsMissingFromMap_ThrowsNamingFieldAndValue()
    {
        var account = TestAccounts.Alfreds() with { PaymentTerms = "Net 45" };

        var exception = Assert.Throws<AccountMappingException>(() => Mapper.Map(account, null));

        Assert.Equal("Payment_Terms__c", exception.Field);
        Assert.Equal("Net 45", exception.Value);
        Assert.Equal(MappingErrorCodes.UnmappedValue, exception.ErrorCode);
        Assert.Contains("Payment_Terms__c 'Net 45'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_CarrierMissingFromMap_ThrowsNamingFieldAndValue()
    {
        var account = TestAccounts.Alfreds() with { ShippingCarrier = "Pony Express" };

        var exception = Assert.Throws<AccountMappingException>(() => Mapper.Map(account, null));

        Assert.Equal("Shipping_Carrier__c", exception.Field);
        Assert.Equal("Pony Express", exception.Value);
        Assert.Equal(MappingErrorCodes.UnmappedValue, exception.ErrorCode);
    }

    [Fact]
    public void Map_MapKeysIgnoreCase_ReturnsMappedId()
    {
        var request = Mapper.Map(TestAccounts.Alfreds() with { PaymentTerms = "net 60" }, null);

        Assert.Equal("3", request.TermsId);
    }

    [Theory]
    [InlineData("12345678")]
    [InlineData("1234567890")]
    [InlineData("12-345-678A")]
    [InlineData("DUNS")]
    public void Map_InvalidDunsNumber_ThrowsNamingFieldAndValue(string duns)
    {
        var account = TestAccounts.Alfreds() with { DunsNumber = duns };

        var exception = Assert.Throws<AccountMappingException>(() => Mapper.Map(account, null));

        Assert.Equal("DUNS_Number__c", exception.Field);
        Assert.Equal(duns, exception.Value);
        Assert.Contains($"DUNS_Number__c '{duns}'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_NegativeCreditLimit_ThrowsNamingField()
    {
        var account = TestAccounts.Alfreds() with { CreditLimit = -1m };

        var exception = Assert.Throws<AccountMappingException>(() => Mapper.Map(account, null));

        Assert.Equal("Credit_Limit__c", exception.Field);
        Assert.Equal("-1", exception.Value);
    }
}
