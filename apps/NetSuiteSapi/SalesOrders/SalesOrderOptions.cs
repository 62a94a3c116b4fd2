using Microsoft.Extensions.Options;

namespace DaprSync.NetSuiteSapi.SalesOrders;

/// <summary>
/// Settings of the <c>NetSuite:SalesOrders</c> section: NetSuite internal ids that every Sales Order gets (an empty
/// value leaves the field out, so NetSuite applies the customer's or form's default) and how the <c>tranId</c> of
/// new orders is read (<see cref="TranIdReader"/>).
/// </summary>
public sealed class SalesOrderOptions
{
    public const string SectionName = "NetSuite:SalesOrders";

    public string? CurrencyId { get; set; }

    public string? LocationId { get; set; }

    public string? DepartmentId { get; set; }

    public string? ClassId { get; set; }

    /// <summary>Discount item that carries an order's <c>DiscountPercent</c>; required for orders with a discount.</summary>
    public string? DiscountItemId { get; set; }

    /// <summary>Maximum wait, in milliseconds, of a new order's <c>tranId</c> read for other orders to join its
    /// <c>getList</c> while orders queue for NetSuite's request slots. 0 sends each read at once.</summary>
    public int TranIdReadWindowMilliseconds { get; set; } = 2000;

    /// <summary>Maximum number of Sales Orders read in one <c>getList</c>. NetSuite takes 1,000 at most.</summary>
    public int TranIdReadBatchSize { get; set; } = 100;
}

internal sealed class SalesOrderOptionsValidator : IValidateOptions<SalesOrderOptions>
{
    public ValidateOptionsResult Validate(string? name, SalesOrderOptions options)
    {
        var failures = new List<string>();
        if (options.TranIdReadWindowMilliseconds is < 0 or > 60_000)
        {
            failures.Add($"{SalesOrderOptions.SectionName}:TranIdReadWindowMilliseconds is "
                + $"{options.TranIdReadWindowMilliseconds}: set 0 to 60000.");
        }

        if (options.TranIdReadBatchSize is < 1 or > 1000)
        {
            failures.Add($"{SalesOrderOptions.SectionName}:TranIdReadBatchSize is {options.TranIdReadBatchSize}: "
                + "set 1 to 1000, NetSuite's limit for a getList.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
