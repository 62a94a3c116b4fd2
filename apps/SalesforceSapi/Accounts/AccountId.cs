namespace DaprSync.SalesforceSapi.Accounts;

/// <summary>Checks the shape of an Account id before any call to Salesforce.</summary>
internal static class AccountId
{
    /// <summary>Returns true for 15 or 18 letters and digits starting with Account's key prefix 001.</summary>
    public static bool IsValid(string value) =>
        value.Length is 15 or 18
        && value.All(char.IsAsciiLetterOrDigit)
        && value.StartsWith("001", StringComparison.Ordinal);
}
