using System.Globalization;
using System.Text.Json;

namespace DaprSync.NetSuiteEmulator.Records.Payments;

/// <summary>The fields of a customer payment body; null means the body did not set the field.</summary>
internal sealed record PaymentPayload(
    string? ExternalId,
    string? CustomerId,
    decimal? Payment,
    string? ArAccountId,
    string? AccountId,
    DateOnly? TranDate,
    string? Memo,
    IReadOnlyList<PaymentApplication> Applications)
{
    /// <summary>Reads a body, failing <paramref name="reader"/> on the first unknown field or wrong type.</summary>
    public static PaymentPayload Read(JsonElement body, PayloadReader reader)
    {
        string? externalId = null, customer = null, arAccount = null, account = null, memo = null;
        decimal? payment = null;
        DateOnly? tranDate = null;
        var applications = new List<PaymentApplication>();
        foreach (var property in body.EnumerateObject())
        {
            var value = property.Value;
            switch (property.Name)
            {
                case "externalId":
                    externalId = reader.ReadString(value, "externalId");
                    break;
                case "customer":
                    customer = reader.ReadReferenceId(value, "customer");
                    break;
                case "payment":
                    payment = reader.ReadNumber(value, "payment");
                    break;
                case "aracct":
                    arAccount = reader.ReadReferenceId(value, "aracct");
                    break;
                case "account":
                    account = reader.ReadReferenceId(value, "account");
                    break;
                case "memo":
                    memo = reader.ReadString(value, "memo");
                    break;
                case "tranDate":
                    tranDate = ReadDate(reader, value);
                    break;
                case "apply":
                    ReadApplyList(reader, value, applications);
                    break;
                default:
                    reader.Fail(RecordErrors.NonexistentField(property.Name));
                    break;
            }
        }

        return new PaymentPayload(externalId, customer, payment, arAccount, account, tranDate, memo, applications);
    }

    private static DateOnly? ReadDate(PayloadReader reader, JsonElement value)
    {
        var text = reader.ReadString(value, "tranDate");
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        reader.Fail(RecordErrors.InvalidValueType("tranDate", "date (YYYY-MM-DD)"));
        return null;
    }

    /// <summary>Reads <c>{"items": [{"doc": {"id": ..}, "apply": true, "amount": ..}]}</c>; lines with
    /// <c>apply: false</c> are left out.</summary>
    private static void ReadApplyList(PayloadReader reader, JsonElement value, List<PaymentApplication> applications)
    {
        if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty("items", out var items)
            || items.ValueKind != JsonValueKind.Array)
        {
            reader.Fail(RecordErrors.InvalidValueType("apply", "object with an items array"));
            return;
        }

        var index = 0;
        foreach (var line in items.EnumerateArray())
        {
            var path = $"apply.items[{index++}]";
            string? doc = null;
            decimal? amount = null;
            var apply = true;
            if (line.ValueKind != JsonValueKind.Object)
            {
                reader.Fail(RecordErrors.InvalidValueType(path, "object"));
                continue;
            }

            foreach (var field in line.EnumerateObject())
            {
                switch (field.Name)
                {
                    case "doc":
                        doc = reader.ReadReferenceId(field.Value, path + ".doc");
                        break;
                    case "apply":
                        apply = reader.ReadBoolean(field.Value, path + ".apply") ?? true;
                        break;
                    case "amount":
                        amount = reader.ReadNumber(field.Value, path + ".amount");
                        break;
                    default:
                        reader.Fail(RecordErrors.NonexistentField(path + "." + field.Name));
                        break;
                }
            }

            if (doc is null)
            {
                reader.Fail(RecordErrors.MissingValue(path + ".doc", "Invoice"));
            }
            else if (apply)
            {
                applications.Add(new PaymentApplication(doc, amount ?? 0m));
            }
        }
    }
}
