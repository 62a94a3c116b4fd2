namespace DaprSync.NetSuiteSapi.Items;

/// <summary>Resolves Salesforce SKUs (<c>Product2.ProductCode</c>) to NetSuite item internal ids.</summary>
public interface IItemResolver
{
    /// <summary>
    /// Returns the internal id of every SKU that NetSuite knows, keyed by SKU; unknown SKUs are absent
    /// from the result, so the caller can name them in a per-record error.
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> ResolveAsync(
        IReadOnlyCollection<string> skus,
        CancellationToken cancellationToken = default);
}
