namespace DaprSync.NetSuiteEmulator.Records.Transactions;

/// <summary>
/// A transaction written by an admin billing operation, or the HTTP status and detail of why it was not written.
/// </summary>
public sealed record BillingOutcome(NetSuiteTransaction? Transaction, int Status, string? Detail)
{
    public static BillingOutcome Written(NetSuiteTransaction transaction) => new(transaction, 200, null);

    public static BillingOutcome NotFound(string detail) => new(null, 404, detail);

    public static BillingOutcome Conflict(string detail) => new(null, 409, detail);

    public static BillingOutcome Invalid(string detail) => new(null, 400, detail);
}
