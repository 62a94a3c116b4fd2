using DaprSync.SalesforceEmulator.Schema;

namespace DaprSync.SalesforceSapi.Tests.Emulator;

public sealed class SalesforceIdTests
{
    [Theory]
    [InlineData("a0D30000001n7Pi", "a0D30000001n7PiEAI")]
    [InlineData("a0D30000001n7PiEAI", "a0D30000001n7PiEAI")]
    [InlineData("a0D30000001n7Pieai", "a0D30000001n7PiEAI")]
    public void Normalize_ValidId_ReturnsEighteenCharacters(string input, string expected)
    {
        Assert.Equal(expected, SalesforceId.Normalize(input));
    }

    [Theory]
    [InlineData("a0D30000001n7PiAAA")]
    [InlineData("a0D30000001n7P")]
    [InlineData("@AccountRef1")]
    [InlineData("a0D30000001n7P-")]
    [InlineData("")]
    public void Normalize_InvalidId_ReturnsNull(string input)
    {
        Assert.Null(SalesforceId.Normalize(input));
    }

    [Fact]
    public void Create_Sequence_UsesKeyPrefixAndValidSuffix()
    {
        var first = SalesforceId.Create("001", 1);
        var second = SalesforceId.Create("001", 2);

        Assert.Equal(18, first.Length);
        Assert.StartsWith("001", first, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
        Assert.Equal(first, SalesforceId.Normalize(first[..15]));
    }
}
