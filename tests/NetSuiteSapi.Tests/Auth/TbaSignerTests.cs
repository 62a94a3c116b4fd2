using DaprSync.NetSuiteSapi.Auth;

namespace DaprSync.NetSuiteSapi.Tests.Auth;

public sealed class TbaSignerTests
{
    private static readonly TbaCredentials Credentials = new(
        NetSuiteAccount.FromAccountId("1234567_sb1"), "consumer-key", "consumer-secret", "token-id", "token-secret");

    [Fact]
    public void TokenPassport_KnownInput_MatchesCheckValue()
    {
        var credentials = Credentials with { Account = NetSuiteAccount.FromAccountId("TESTACCT") };

        var signature = TbaSigner.ComputeTokenPassportSignature(credentials, "abc123", 1700000000);

        Assert.Equal("HS19B/haU3as/qqpY5QOeFBgXtYTHRx3TiaAZ9Crjqg=", signature);
    }

    [Theory]
    [InlineData("!", "%21")]
    [InlineData("a b", "a%20b")]
    [InlineData("*'()", "%2A%27%28%29")]
    [InlineData("A-z_0.9~", "A-z_0.9~")]
    [InlineData("é", "%C3%A9")]
    [InlineData("a+b&c=d", "a%2Bb%26c%3Dd")]
    public void Encode_ReservedCharacters_UsesRfc3986(string value, string expected)
    {
        Assert.Equal(expected, Rfc3986.Encode(value));
    }

    [Theory]
    [InlineData("1234567_sb1", "1234567_SB1", "1234567-sb1")]
    [InlineData("1234567-SB1", "1234567_SB1", "1234567-sb1")]
    [InlineData("TSTDRV42", "TSTDRV42", "tstdrv42")]
    public void FromAccountId_EitherSpelling_DerivesRealmAndHost(string accountId, string realm, string hostPrefix)
    {
        var account = NetSuiteAccount.FromAccountId(accountId);

        Assert.Equal(realm, account.Realm);
        Assert.Equal(hostPrefix, account.HostPrefix);
        Assert.Equal(hostPrefix + ".suitetalk.api.netsuite.com", account.SuiteTalkHost);
    }

    [Fact]
    public void BaseString_KnownInput_MatchesPythonResult()
    {
        // Expected values computed with Python's urllib.parse.quote(safe="-._~") and hmac, not with this code.
        var uri = new Uri(
            "https://1234567-SB1.suitetalk.api.netsuite.com:443/services/rest/record/v1/customer"
            + "?limit=5&q=Acme%20%26%20Sons%21");
        var oauth = new Dictionary<string, string>
        {
            ["oauth_consumer_key"] = "consumer-key",
            ["oauth_nonce"] = "abc123",
            ["oauth_signature_method"] = "HMAC-SHA256",
            ["oauth_timestamp"] = "1700000000",
            ["oauth_token"] = "token-id",
            ["oauth_version"] = "1.0",
        };

        var baseString = TbaSigner.CreateBaseString(HttpMethod.Get, uri, oauth);
        var signature = TbaSigner.Sign(baseString, "consumer-secret", "token-secret");

        Assert.Equal(
            "GET&https%3A%2F%2F1234567-sb1.suitetalk.api.netsuite.com%2Fservices%2Frest%2Frecord%2Fv1%2Fcustomer&"
            + "limit%3D5%26oauth_consumer_key%3Dconsumer-key%26oauth_nonce%3Dabc123%26oauth_signature_method%3D"
            + "HMAC-SHA256%26oauth_timestamp%3D1700000000%26oauth_token%3Dtoken-id%26oauth_version%3D1.0%26q%3D"
            + "Acme%2520%2526%2520Sons%2521",
            baseString);
        Assert.Equal("fy/OHX9uIuqeRU7LXa64FDjlyol3VAjTGnN3XKAmvkU=", signature);
    }

    [Fact]
    public void AuthorizationHeader_QueryParameters_SignedNotSent()
    {
        var signer = new TbaSigner(Credentials);
        var uri = new Uri("https://1234567-sb1.suitetalk.api.netsuite.com/services/rest/record/v1/customer/7"
            + "?replace=addressBook");

        var header = signer.CreateAuthorizationHeader(HttpMethod.Patch, uri, "nonce1", 1700000000);
        var withoutQuery = signer.CreateAuthorizationHeader(
            HttpMethod.Patch, new Uri(uri.GetLeftPart(UriPartial.Path)), "nonce1", 1700000000);

        Assert.StartsWith("OAuth realm=\"1234567_SB1\", ", header, StringComparison.Ordinal);
        Assert.DoesNotContain("replace", header, StringComparison.Ordinal);
        Assert.DoesNotContain("addressBook", header, StringComparison.Ordinal);
        Assert.Contains("oauth_signature_method=\"HMAC-SHA256\"", header, StringComparison.Ordinal);
        Assert.NotEqual(Signature(withoutQuery), Signature(header));
    }

    [Fact]
    public void CreateNonce_TwoCalls_DifferAndAreAlphanumeric()
    {
        var first = TbaHandler.CreateNonce();
        var second = TbaHandler.CreateNonce();

        Assert.NotEqual(first, second);
        Assert.Equal(32, first.Length);
        Assert.All(first, c => Assert.True(char.IsAsciiLetterOrDigit(c)));
    }

    private static string Signature(string header)
    {
        const string Name = "oauth_signature=\"";
        var start = header.IndexOf(Name, StringComparison.Ordinal) + Name.Length;
        return header[start..header.IndexOf('"', start)];
    }
}
