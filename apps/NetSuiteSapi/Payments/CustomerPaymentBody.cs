using System.Text.Json.Serialization;

namespace DaprSync.NetSuiteSapi.Payments;

/// <summary>A reference to another record by internal id, as the REST record API writes it.</summary>
public sealed record RecordRef([property: JsonPropertyName("id")] string Id);

/// <summary>One line of the <c>apply</c> sublist: the invoice (<c>doc</c>) and the amount applied to it.</summary>
public sealed record PaymentApplyLine(
    [property: JsonPropertyName("doc")] RecordRef Doc,
    [property: JsonPropertyName("apply")] bool Apply,
    [property: JsonPropertyName("amount")] decimal Amount);

public sealed record PaymentApplyList([property: JsonPropertyName("items")] IReadOnlyList<PaymentApplyLine> Items);

/// <summary>Body of <c>PUT customerPayment/eid:{externalId}</c>.</summary>
public sealed record CustomerPaymentBody(
    [property: JsonPropertyName("externalId")] string ExternalId,
    [property: JsonPropertyName("customer")] RecordRef Customer,
    [property: JsonPropertyName("payment")] decimal Payment,
    [property: JsonPropertyName("aracct")] RecordRef ArAccount,
    [property: JsonPropertyName("account")] RecordRef Account,
    [property: JsonPropertyName("tranDate")] string? TranDate,
    [property: JsonPropertyName("memo")] string? Memo,
    [property: JsonPropertyName("apply")] PaymentApplyList Apply);
