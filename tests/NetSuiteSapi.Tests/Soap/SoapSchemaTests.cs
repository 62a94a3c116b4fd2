using System.Net;
using DaprSync.Contracts.Geography;
using static DaprSync.NetSuiteSapi.Tests.Soap.SalesOrderRequests;

namespace DaprSync.NetSuiteSapi.Tests.Soap;

/// <summary>Validates every captured SOAP request against the official SuiteTalk 2023_2 schema.</summary>
public sealed class SoapSchemaTests
{
    private static readonly string[] NorthwindCountries =
    [
        "Argentina", "Austria", "Belgium", "Brazil", "Canada", "Denmark", "Finland", "France", "Germany", "Ireland",
        "Italy", "Mexico", "Norway", "Poland", "Portugal", "Spain", "Sweden", "Switzerland", "UK", "USA", "Venezuela",
    ];

    [Fact]
    public async Task CreateAndClearingUpdate_RequestsMatchSchema()
    {
        SuiteTalkSchema.SkipWhenAbsent();
        await using var host = await SoapTestHost.StartAsync();
        host.Items.Add("SKU-CHAI");

        using var created = await PutAsync(host, Order(host.CustomerId));
        using var updated = await PutAsync(host, Order(host.CustomerId, purchaseOrder: null) with
        {
            InternalId = Assert.Single(host.Orders.All).Id,
        });

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var operations = host.Requests.Select(Operation).ToList();
        Assert.Equal(["upsert", "getList", "get", "update"], operations);
        foreach (var envelope in host.Requests)
        {
            Assert.Empty(SuiteTalkSchema.Validate(envelope));
        }
    }

    [Fact]
    public async Task DiscountedLines_RequestsMatchSchema()
    {
        SuiteTalkSchema.SkipWhenAbsent();
        await using var host = await SoapTestHost.StartAsync();
        host.Items.Add("SKU-CHAI");
        host.Items.Add("SKU-TOFU");
        var chai = Line("802000000000001AAA", "SKU-CHAI", 10, 18m) with
        {
            DiscountPercent = 12.5m,
            SequenceName = "Phase 1",
            QuoteLineItemId = "0QL000000000001AAA",
        };
        var tofu = Line("802000000000002AAA", "SKU-TOFU", 2, 23.25m);

        using var created = await PutAsync(host, Order(host.CustomerId, lines: [chai, tofu]));
        using var updated = await PutAsync(host, Order(host.CustomerId, lines: [chai with { DiscountPercent = 5m }, tofu]));

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        // The second request has no internal id, as after a lost writeback, so it is an upsert as well.
        Assert.Equal(["upsert", "getList", "upsert", "getList"], host.Requests.Select(Operation));
        foreach (var envelope in host.Requests)
        {
            var errors = SuiteTalkSchema.Validate(envelope);
            Assert.True(errors.Count == 0, string.Join("; ", errors));
        }
    }

    [Fact]
    public async Task Validate_FieldOutOfSequence_ReportsError()
    {
        SuiteTalkSchema.SkipWhenAbsent();
        await using var host = await SoapTestHost.StartAsync();
        host.Items.Add("SKU-CHAI");
        using var created = await PutAsync(host, Order(host.CustomerId));
        var upsert = new System.Xml.Linq.XDocument(host.Requests.Single(envelope => Operation(envelope) == "upsert"));
        System.Xml.Linq.XNamespace sales = "urn:sales_2023_2.transactions.webservices.netsuite.com";

        // tranDate comes after entity in the schema, so moving it first must be reported.
        var tranDate = upsert.Descendants(sales + "tranDate").Single();
        tranDate.Remove();
        upsert.Descendants(sales + "entity").Single().AddBeforeSelf(tranDate);

        Assert.NotEmpty(SuiteTalkSchema.Validate(upsert));
    }

    [Fact]
    public async Task EveryNorthwindCountry_RequestsMatchSchema()
    {
        SuiteTalkSchema.SkipWhenAbsent();
        await using var host = await SoapTestHost.StartAsync();
        host.Items.Add("SKU-CHAI");

        foreach (var (country, index) in NorthwindCountries.Select((country, index) => (country, index)))
        {
            using var response = await PutAsync(host, Order(host.CustomerId, externalId: $"801NW{index:D13}",
                country: country));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(NorthwindCountries.Length, host.Orders.All.Count);
        Assert.Contains(host.Orders.All, order => order.ShippingAddress?.Country == "_unitedKingdom");
        Assert.Contains(host.Orders.All, order => order.ShippingAddress?.Country == "_unitedStates");
        Assert.Contains(host.Orders.All,
            order => order.ShippingAddress?.Country == "_venezuelaBolivarianRepublicOf");
        foreach (var envelope in host.Requests)
        {
            var errors = SuiteTalkSchema.Validate(envelope);
            Assert.True(errors.Count == 0, string.Join("; ", errors));
        }
    }

    [Fact]
    public void CountryTable_EveryCountry_MapsToSchemaEnumValue()
    {
        SuiteTalkSchema.SkipWhenAbsent();
        var enumValues = SuiteTalkSchema.Require().GlobalTypes.Values
            .OfType<System.Xml.Schema.XmlSchemaSimpleType>()
            .Single(type => type.QualifiedName.Name == "Country"
                && type.QualifiedName.Namespace == "urn:types.common_2023_2.platform.webservices.netsuite.com")
            .Content is System.Xml.Schema.XmlSchemaSimpleTypeRestriction restriction
            ? restriction.Facets.OfType<System.Xml.Schema.XmlSchemaEnumerationFacet>().Select(f => f.Value).ToHashSet()
            : [];

        Assert.Equal(252, enumValues.Count);
        foreach (var country in CountryTable.All)
        {
            Assert.Contains(CountryTable.ToNetSuiteCountry(country), enumValues);
        }

        Assert.Equal("_turkiye", CountryTable.ToNetSuiteCountry(CountryTable.Resolve("TR")));
        Assert.Equal("_czechia", CountryTable.ToNetSuiteCountry(CountryTable.Resolve("cze")));
        Assert.Equal("_libya", CountryTable.ToNetSuiteCountry(CountryTable.Resolve("Libya")));
        Assert.Equal("_samoa", CountryTable.ToNetSuiteCountry(CountryTable.Resolve("WS")));
    }

    private static string Operation(System.Xml.Linq.XDocument envelope) =>
        envelope.Root!.Elements().Last().Elements().First().Name.LocalName;
}
