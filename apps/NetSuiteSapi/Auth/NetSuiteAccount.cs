namespace DaprSync.NetSuiteSapi.Auth;

/// <summary>
/// The two spellings NetSuite derives from one account id: the OAuth realm (<c>1234567_SB1</c>, uppercase with
/// <c>_</c>) and the host name prefix (<c>1234567-sb1</c>, lowercase with <c>-</c>).
/// </summary>
public sealed record NetSuiteAccount
{
    private NetSuiteAccount(string realm, string hostPrefix)
    {
        Realm = realm;
        HostPrefix = hostPrefix;
    }

    /// <summary>Value of the <c>realm</c> parameter of the OAuth header and the account of a token passport.</summary>
    public string Realm { get; }

    public string HostPrefix { get; }

    /// <summary>Host of the SuiteTalk REST and SOAP APIs, for example
    /// <c>1234567-sb1.suitetalk.api.netsuite.com</c>.</summary>
    public string SuiteTalkHost => HostPrefix + ".suitetalk.api.netsuite.com";

    /// <summary>Derives both forms from an account id written either way.</summary>
    public static NetSuiteAccount FromAccountId(string accountId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        if (!IsValidAccountId(accountId))
        {
            throw new ArgumentException($"Account id '{accountId}' is invalid: use letters, digits, '_' or '-'.",
                nameof(accountId));
        }

        var trimmed = accountId.Trim();
        return new NetSuiteAccount(
            trimmed.ToUpperInvariant().Replace('-', '_'),
            trimmed.ToLowerInvariant().Replace('_', '-'));
    }

    public static bool IsValidAccountId(string accountId) =>
        accountId.Trim() is { Length: > 0 } trimmed
        && trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
