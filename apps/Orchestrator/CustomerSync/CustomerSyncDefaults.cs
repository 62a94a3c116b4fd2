using Microsoft.Extensions.Configuration;

namespace DaprSync.Orchestrator.CustomerSync;

/// <summary>
/// Value maps whose ids exist in the NetSuite emulator's seeded terms and shipping items. A map whose
/// section is absent from configuration gets these. A section that is present replaces them entirely,
/// so a deployment never inherits a sandbox id it did not set.
/// </summary>
internal static class CustomerSyncDefaults
{
    public static void Apply(CustomerSyncOptions options, IConfiguration section)
    {
        if (!section.GetSection(nameof(CustomerSyncOptions.PaymentTerms)).Exists())
        {
            options.PaymentTerms = PaymentTerms();
        }

        if (!section.GetSection(nameof(CustomerSyncOptions.ShippingCarriers)).Exists())
        {
            options.ShippingCarriers = ShippingCarriers();
        }
    }

    private static ValueMapOptions PaymentTerms() => new()
    {
        Default = "2",
        Values = new(StringComparer.OrdinalIgnoreCase)
        {
            ["Net 15"] = "1",
            ["Net 30"] = "2",
            ["Net 60"] = "3",
            ["Due on Receipt"] = "4",
        },
    };

    // The emulator seeds 101 UPS Ground, 102 FedEx 2Day, 103 DHL Express and 104 Royal Mail Tracked 48.
    // The three Northwind shippers map to the nearest of them.
    private static ValueMapOptions ShippingCarriers() => new()
    {
        Default = "101",
        Values = new(StringComparer.OrdinalIgnoreCase)
        {
            ["United Package"] = "101",
            ["Federal Shipping"] = "102",
            ["Speedy Express"] = "103",
            ["UPS"] = "101",
            ["FedEx"] = "102",
            ["DHL"] = "103",
            ["Royal Mail"] = "104",
        },
    };
}
