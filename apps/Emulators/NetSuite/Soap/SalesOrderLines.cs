using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using DaprSync.NetSuiteEmulator.Records.SalesOrders;

namespace DaprSync.NetSuiteEmulator.Soap;

/// <summary>
/// Applies the <c>itemList</c> of a write to an order's lines. A sent line that names a stored <c>line</c> number
/// changes that line in place and a line without one is appended. With <c>replaceAll="true"</c> (the schema
/// default) the stored lines that no sent line names are removed first; with false they are kept.
/// </summary>
internal static class SalesOrderLines
{
    public static StatusError? Apply(List<SalesOrderLineRecord> lines, IReadOnlyList<XElement> sent, bool replaceAll)
    {
        var s = SoapXml.Sales;

        // Line numbers are not reused, so a line added after a replace gets a number past every earlier one.
        var nextLine = lines.Count == 0 ? 1 : lines.Max(line => line.Line) + 1;
        if (replaceAll)
        {
            // A replace keeps the stored lines that a sent line names by number and removes the rest. NetSuite
            // rejects the removal of a fulfilled line.
            // NOTE: the code and message of that rejection are not taken from NetSuite. The emulator only models
            // that the write fails and changes nothing.
            var named = sent.Select(element => (string?)element.Element(s + "line"))
                .OfType<string>()
                .Select(text => long.Parse(text, CultureInfo.InvariantCulture))
                .ToHashSet();
            var fulfilled = lines.FirstOrDefault(line => !named.Contains(line.Line) && line.QuantityFulfilled > 0);
            if (fulfilled is not null)
            {
                return new StatusError(
                    "USER_ERROR", $"Line {fulfilled.Line} has been fulfilled and cannot be removed.");
            }

            lines.RemoveAll(line => !named.Contains(line.Line));
        }

        foreach (var element in sent)
        {
            var lineText = (string?)element.Element(s + "line");
            var index = -1;
            if (lineText is not null)
            {
                var number = long.Parse(lineText, CultureInfo.InvariantCulture);
                index = lines.FindIndex(line => line.Line == number);
                if (index < 0)
                {
                    return new StatusError("INVALID_KEY_OR_REF", $"Invalid line reference key {number}.");
                }
            }

            var current = index >= 0 ? lines[index] : new SalesOrderLineRecord { Line = nextLine++ };
            var updated = Merge(current, element);
            if (index >= 0)
            {
                lines[index] = updated;
            }
            else
            {
                lines.Add(updated);
            }
        }

        return null;
    }

    private static SalesOrderLineRecord Merge(SalesOrderLineRecord line, XElement element)
    {
        var s = SoapXml.Sales;
        var quantity = (string?)element.Element(s + "quantity");
        var isClosed = (string?)element.Element(s + "isClosed");
        var customFields = new Dictionary<string, string>(line.CustomFields, StringComparer.OrdinalIgnoreCase);
        foreach (var (scriptId, value) in SalesOrderInput.CustomFieldValues(element.Element(s + "customFieldList"))
                     ?? [])
        {
            customFields[scriptId] = value;
        }

        return line with
        {
            ItemId = SalesOrderInput.RefId(element.Element(s + "item")) ?? line.ItemId,
            Quantity = quantity is null ? line.Quantity : XmlConvert.ToDouble(quantity),
            PriceLevelId = SalesOrderInput.RefId(element.Element(s + "price")) ?? line.PriceLevelId,
            Rate = (string?)element.Element(s + "rate") ?? line.Rate,
            ExpectedShipDate = (string?)element.Element(s + "expectedShipDate") ?? line.ExpectedShipDate,
            IsClosed = isClosed is null ? line.IsClosed : XmlConvert.ToBoolean(isClosed),
            CustomFields = customFields,
        };
    }
}
