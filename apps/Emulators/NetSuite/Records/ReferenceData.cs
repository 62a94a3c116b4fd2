using System.Collections.Frozen;

namespace DaprSync.NetSuiteEmulator.Records;

/// <summary>
/// Seeded list records that customers reference by internal id: payment terms, subsidiaries and shipping items.
/// </summary>
public sealed class ReferenceData
{
    /// <summary>Term records by internal id.</summary>
    public FrozenDictionary<string, string> Terms { get; } = new Dictionary<string, string>
    {
        ["1"] = "Net 15",
        ["2"] = "Net 30",
        ["3"] = "Net 60",
        ["4"] = "Due on receipt",
    }.ToFrozenDictionary();

    /// <summary>Subsidiary records by internal id, where 1 is the root subsidiary of a OneWorld account.</summary>
    public FrozenDictionary<string, string> Subsidiaries { get; } = new Dictionary<string, string>
    {
        ["1"] = "Parent Company",
        ["2"] = "DaprSync UK Ltd",
    }.ToFrozenDictionary();

    /// <summary>Shipping items (ship methods) by internal id.</summary>
    public FrozenDictionary<string, string> ShippingItems { get; } = new Dictionary<string, string>
    {
        ["101"] = "UPS Ground",
        ["102"] = "FedEx 2Day",
        ["103"] = "DHL Express",
        ["104"] = "Royal Mail Tracked 48",
    }.ToFrozenDictionary();
}
