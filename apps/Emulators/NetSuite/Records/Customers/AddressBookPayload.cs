using System.Globalization;
using System.Text.Json;

namespace DaprSync.NetSuiteEmulator.Records.Customers;

/// <summary>
/// Reads the <c>addressBook</c> sublist: <c>{"items": [{defaultBilling, defaultShipping, label,
/// addressBookAddress: {addressee, addr1, ..., country: {"id": "GB"}}}]}</c>.
/// </summary>
internal static class AddressBookPayload
{
    /// <summary>
    /// Returns the new address lines. Without <c>?replace=addressBook</c> the sent lines are added after the stored
    /// ones, as NetSuite does, so a client that forgets the parameter duplicates its addresses.
    /// </summary>
    /// <remarks>TODO: NetSuite also updates a stored line when a sent line carries its id, which is not
    /// emulated.</remarks>
    public static IReadOnlyList<NetSuiteAddress> Apply(
        JsonElement value,
        IReadOnlyList<NetSuiteAddress> stored,
        bool replace,
        PayloadReader reader)
    {
        var sent = ReadItems(value, reader);
        var lines = replace ? sent : [.. stored, .. sent];

        // NetSuite keeps one default billing and one default shipping line: the last line sent as default wins.
        var lastBilling = lines.FindLastIndex(line => line.DefaultBilling);
        var lastShipping = lines.FindLastIndex(line => line.DefaultShipping);
        return lines
            .Select((line, index) => line with
            {
                DefaultBilling = index == lastBilling,
                DefaultShipping = index == lastShipping,
            })
            .ToList();
    }

    private static List<NetSuiteAddress> ReadItems(JsonElement value, PayloadReader reader)
    {
        var lines = new List<NetSuiteAddress>();
        if (value.ValueKind != JsonValueKind.Object)
        {
            reader.Fail(RecordErrors.InvalidValueType("addressBook", "object"));
            return lines;
        }

        foreach (var property in value.EnumerateObject())
        {
            if (property.Name != "items")
            {
                reader.Fail(RecordErrors.NonexistentField("addressBook." + property.Name));
            }
            else if (property.Value.ValueKind != JsonValueKind.Array)
            {
                reader.Fail(RecordErrors.InvalidValueType("addressBook.items", "array"));
            }
            else
            {
                var index = 0;
                foreach (var item in property.Value.EnumerateArray())
                {
                    lines.Add(ReadLine(item, $"addressBook.items[{index++}]", reader));
                }
            }
        }

        return lines;
    }

    private static NetSuiteAddress ReadLine(JsonElement item, string path, PayloadReader reader)
    {
        var line = new NetSuiteAddress(
            0, null, false, false, null, null, null, null, null, null, null, null, null, null);
        if (item.ValueKind != JsonValueKind.Object)
        {
            reader.Fail(RecordErrors.InvalidValueType(path, "object"));
            return line;
        }

        foreach (var property in item.EnumerateObject())
        {
            var fieldPath = path + "." + property.Name;
            line = property.Name switch
            {
                "label" => line with { Label = reader.ReadString(property.Value, fieldPath) },
                "defaultBilling" =>
                    line with { DefaultBilling = reader.ReadBoolean(property.Value, fieldPath) ?? false },
                "defaultShipping" =>
                    line with { DefaultShipping = reader.ReadBoolean(property.Value, fieldPath) ?? false },
                "addressBookAddress" => ReadAddress(property.Value, fieldPath, line, reader),
                _ => Reject(reader, line, fieldPath),
            };
        }

        return line;
    }

    private static NetSuiteAddress ReadAddress(
        JsonElement value,
        string path,
        NetSuiteAddress line,
        PayloadReader reader)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            reader.Fail(RecordErrors.InvalidValueType(path, "object"));
            return line;
        }

        foreach (var property in value.EnumerateObject())
        {
            var fieldPath = path + "." + property.Name;
            var text = property.Name == "country" ? null : reader.ReadString(property.Value, fieldPath);
            line = property.Name switch
            {
                "addressee" => line with { Addressee = text },
                "attention" => line with { Attention = text },
                "addr1" => line with { Addr1 = text },
                "addr2" => line with { Addr2 = text },
                "addr3" => line with { Addr3 = text },
                "city" => line with { City = text },
                "state" => line with { State = text },
                "zip" => line with { Zip = text },
                "addrPhone" => line with { AddrPhone = text },
                "country" => line with { CountryCode = ReadCountry(property.Value, fieldPath, reader) },
                _ => Reject(reader, line, fieldPath),
            };
        }

        return line;
    }

    /// <summary>Reads <c>{"id": "GB"}</c>, because the REST API names countries by ISO 3166-1 alpha-2 code.</summary>
    private static string? ReadCountry(JsonElement value, string path, PayloadReader reader)
    {
        var code = reader.ReadReferenceId(value, path);
        if (code is null || IsIsoCountryCode(code))
        {
            return code;
        }

        reader.Fail(RecordErrors.InvalidFieldValue(path + ".id", "country", code));
        return null;
    }

    private static bool IsIsoCountryCode(string code)
    {
        if (code.Length != 2 || !code.All(char.IsAsciiLetterUpper))
        {
            return false;
        }

        try
        {
            return new RegionInfo(code).TwoLetterISORegionName == code;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static NetSuiteAddress Reject(PayloadReader reader, NetSuiteAddress line, string path)
    {
        reader.Fail(RecordErrors.NonexistentField(path));
        return line;
    }
}
