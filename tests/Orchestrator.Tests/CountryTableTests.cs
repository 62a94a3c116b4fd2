using DaprSync.Contracts.Geography;

namespace DaprSync.Orchestrator.Tests;

public sealed class CountryTableTests
{
    [Fact]
    public void All_Contains249CountriesWithUniqueCodes()
    {
        Assert.Equal(249, CountryTable.All.Count);
        Assert.Equal(249, CountryTable.All.Select(country => country.Alpha2).Distinct().Count());
        Assert.Equal(249, CountryTable.All.Select(country => country.Alpha3).Distinct().Count());
        Assert.All(CountryTable.All, country => Assert.Matches("^[A-Z]{2}$", country.Alpha2));
        Assert.All(CountryTable.All, country => Assert.Matches("^[A-Z]{3}$", country.Alpha3));
    }

    [Fact]
    public void TryResolve_EveryCodeAndName_RoundTrips()
    {
        foreach (var country in CountryTable.All)
        {
            Assert.True(CountryTable.TryResolve(country.Alpha2, out var byAlpha2), country.Alpha2);
            Assert.Equal(country, byAlpha2);
            Assert.True(CountryTable.TryResolve(country.Alpha3, out var byAlpha3), country.Alpha3);
            Assert.Equal(country, byAlpha3);
            Assert.True(CountryTable.TryResolve(country.Name, out var byName), country.Name);
            Assert.Equal(country, byName);
            Assert.True(CountryTable.TryResolve(country.Alpha3.ToLowerInvariant(), out var byLowerCase));
            Assert.Equal(country, byLowerCase);
        }
    }

    [Theory]
    [InlineData("Argentina", "AR")]
    [InlineData("Austria", "AT")]
    [InlineData("Belgium", "BE")]
    [InlineData("Brazil", "BR")]
    [InlineData("Canada", "CA")]
    [InlineData("Denmark", "DK")]
    [InlineData("Finland", "FI")]
    [InlineData("France", "FR")]
    [InlineData("Germany", "DE")]
    [InlineData("Ireland", "IE")]
    [InlineData("Italy", "IT")]
    [InlineData("Mexico", "MX")]
    [InlineData("Norway", "NO")]
    [InlineData("Poland", "PL")]
    [InlineData("Portugal", "PT")]
    [InlineData("Spain", "ES")]
    [InlineData("Sweden", "SE")]
    [InlineData("Switzerland", "CH")]
    [InlineData("UK", "GB")]
    [InlineData("USA", "US")]
    [InlineData("Venezuela", "VE")]
    public void TryResolve_NorthwindCountry_ReturnsIsoCountry(string value, string alpha2)
    {
        Assert.True(CountryTable.TryResolve(value, out var country));
        Assert.Equal(alpha2, country.Alpha2);
    }

    [Theory]
    [InlineData("Great Britain", "GB")]
    [InlineData("England", "GB")]
    [InlineData("United Kingdom", "GB")]
    [InlineData("U.S.A.", "US")]
    [InlineData("U.S.", "US")]
    [InlineData("United States of America", "US")]
    [InlineData("United States", "US")]
    [InlineData("America", "US")]
    [InlineData("Holland", "NL")]
    [InlineData("The Netherlands", "NL")]
    [InlineData("Deutschland", "DE")]
    [InlineData("Czech Republic", "CZ")]
    [InlineData("Czechia", "CZ")]
    [InlineData("Turkey", "TR")]
    [InlineData("Türkiye", "TR")]
    [InlineData("Turkiye", "TR")]
    [InlineData("Russia", "RU")]
    [InlineData("South Korea", "KR")]
    [InlineData("North Korea", "KP")]
    [InlineData("Ivory Coast", "CI")]
    [InlineData("Cote d'Ivoire", "CI")]
    [InlineData("Vietnam", "VN")]
    [InlineData("UAE", "AE")]
    [InlineData("Österreich", "AT")]
    [InlineData("Schweiz", "CH")]
    [InlineData("España", "ES")]
    public void TryResolve_Alias_ReturnsCountry(string value, string alpha2)
    {
        Assert.True(CountryTable.TryResolve(value, out var country));
        Assert.Equal(alpha2, country.Alpha2);
    }

    [Theory]
    [InlineData("  united   states  of america ", "US")]
    [InlineData("u.s.a", "US")]
    [InlineData("usa.", "US")]
    [InlineData("GERMANY", "DE")]
    [InlineData("de", "DE")]
    [InlineData("côte d’ivoire", "CI")]
    [InlineData("Bosnia & Herzegovina", "BA")]
    [InlineData("St. Lucia", "LC")]
    [InlineData("St Kitts and Nevis", "KN")]
    [InlineData("Guinea Bissau", "GW")]
    [InlineData("the gambia", "GM")]
    [InlineData("Korea, Republic of", "KR")]
    [InlineData("Curacao", "CW")]
    public void TryResolve_LooseSpelling_Matches(string value, string alpha2)
    {
        Assert.True(CountryTable.TryResolve(value, out var country));
        Assert.Equal(alpha2, country.Alpha2);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Atlantis")]
    [InlineData("XX")]
    [InlineData("ZZZ")]
    [InlineData("...")]
    public void TryResolve_UnknownValue_ReturnsFalse(string? value)
    {
        Assert.False(CountryTable.TryResolve(value, out var country));
        Assert.Null(country);
    }

    [Fact]
    public void Resolve_UnknownValue_ThrowsNamingValue()
    {
        var exception = Assert.Throws<UnknownCountryException>(() => CountryTable.Resolve("Atlantis"));

        Assert.Equal("Atlantis", exception.Value);
        Assert.Contains("'Atlantis'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_KnownValue_ReturnsCountry()
    {
        var country = CountryTable.Resolve("Mexico");

        Assert.Equal(new Country("MX", "MEX", "Mexico"), country);
    }
}
