using Microsoft.Extensions.Options;

namespace DaprSync.NetSuiteSapi.Payments;

/// <summary>Accounts of customer payments, in the <c>NetSuite:Payments</c> section, as NetSuite internal ids.</summary>
public sealed class PaymentOptions
{
    public const string SectionName = "NetSuite:Payments";

    /// <summary>Accounts receivable account (<c>aracct</c>) that the applied invoices were posted to.</summary>
    public string? ArAccountId { get; set; }

    /// <summary>Bank or undeposited-funds account (<c>account</c>) that receives the money.</summary>
    public string? GlAccountId { get; set; }
}

/// <summary>
/// Checks that each account id, when set, is an internal id. Missing ids are allowed at start so that an
/// installation without the payment flow runs; <c>PUT /payments</c> then returns 500 naming the missing key.
/// </summary>
internal sealed class PaymentOptionsValidator : IValidateOptions<PaymentOptions>
{
    public ValidateOptionsResult Validate(string? name, PaymentOptions options)
    {
        var failures = new List<string>();
        Check(failures, nameof(PaymentOptions.ArAccountId), options.ArAccountId);
        Check(failures, nameof(PaymentOptions.GlAccountId), options.GlAccountId);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value) && !value.All(char.IsAsciiDigit))
        {
            failures.Add($"{PaymentOptions.SectionName}:{key} '{value}' is invalid: use the account's internal id.");
        }
    }
}
