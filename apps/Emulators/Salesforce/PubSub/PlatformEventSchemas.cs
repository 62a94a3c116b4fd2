using System.Text;
using System.Text.Json;
using Avro;
using AvroSchema = Avro.Schema;

namespace DaprSync.SalesforceEmulator.PubSub;

/// <summary>
/// One Platform Event type the emulator serves: its topic, its Avro schema and the schema id that
/// <c>GetTopic</c>, <c>GetSchema</c> and every event's <c>schema_id</c> carry.
/// </summary>
public sealed class PlatformEventDefinition
{
    internal PlatformEventDefinition(string eventName, RecordSchema schema)
    {
        EventName = eventName;
        Schema = schema;
        SchemaJson = schema.ToString();
        SchemaId = ComputeSchemaId(schema);
    }

    /// <summary>API name of the event, for example <c>AccountsEvent__e</c>.</summary>
    public string EventName { get; }

    /// <summary>Pub/Sub API topic name, <c>/event/{EventName}</c>.</summary>
    public string TopicName => "/event/" + EventName;

    public RecordSchema Schema { get; }

    public string SchemaJson { get; }

    /// <summary>Schema fingerprint: MD5 of the Avro parsing canonical form, base64url without padding.</summary>
    public string SchemaId { get; }

    private static string ComputeSchemaId(AvroSchema schema)
    {
        var fingerprint = SchemaNormalization.ParsingFingerprint("MD5", schema);
        return Convert.ToBase64String(fingerprint).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}

/// <summary>
/// Avro schemas of the three Platform Events DaprSync uses, written the way Salesforce generates them:
/// namespace <c>com.sforce.eventbus</c>, <c>CreatedDate</c> a <c>long</c> of Unix milliseconds,
/// <c>CreatedById</c> a <c>string</c>, and every custom field a union <c>["null", T]</c> defaulting to null.
/// </summary>
public static class PlatformEventSchemas
{
    public static PlatformEventDefinition AccountsEvent { get; } = Define(
        "AccountsEvent__e",
        ("Account_Id__c", "string", "Data:Text"),
        ("Change_Type__c", "string", "Data:Text"));

    public static PlatformEventDefinition CreateNsOrder { get; } = Define(
        "Create_NS_Order__e",
        ("Order_Id__c", "string", "Data:Text"));

    // NOTE: Date fields are modelled as int days since the Unix epoch, as Salesforce's change events
    // encode them. No real org's Platform Event schema has confirmed this.
    public static PlatformEventDefinition PaymentAndRefundEvent { get; } = Define(
        "ABT_Payment_and_Refund_Event__e",
        ("Payment_Id__c", "string", "Data:Text"),
        ("Amount__c", "double", "Data:Currency"),
        ("NetSuite_Account_Number__c", "string", "Data:Text"),
        ("NetSuite_Invoice_Id__c", "string", "Data:Text"),
        ("Payment_Date__c", "int", "Data:Date"));

    public static IReadOnlyList<PlatformEventDefinition> All { get; } =
        [AccountsEvent, CreateNsOrder, PaymentAndRefundEvent];

    /// <summary>Finds a definition by topic name (<c>/event/X__e</c>); null when the topic does not exist.</summary>
    public static PlatformEventDefinition? FindByTopic(string topicName) =>
        All.FirstOrDefault(definition => string.Equals(definition.TopicName, topicName, StringComparison.Ordinal));

    /// <summary>Finds a definition by schema id; null when no topic uses that schema.</summary>
    public static PlatformEventDefinition? FindBySchemaId(string schemaId) =>
        All.FirstOrDefault(definition => string.Equals(definition.SchemaId, schemaId, StringComparison.Ordinal));

    private static PlatformEventDefinition Define(
        string eventName,
        params (string Name, string AvroType, string Doc)[] customFields)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", "record");
            json.WriteString("name", eventName);
            json.WriteString("namespace", "com.sforce.eventbus");
            json.WriteStartArray("fields");
            WriteStandardField(json, "CreatedDate", "long", "CreatedDate:DateTime");
            WriteStandardField(json, "CreatedById", "string", "CreatedBy:EntityId");
            foreach (var field in customFields)
            {
                WriteNullableField(json, field.Name, field.AvroType, field.Doc);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        var schema = (RecordSchema)AvroSchema.Parse(Encoding.UTF8.GetString(buffer.ToArray()));
        return new PlatformEventDefinition(eventName, schema);
    }

    private static void WriteStandardField(Utf8JsonWriter json, string name, string avroType, string doc)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("type", avroType);
        json.WriteString("doc", doc);
        json.WriteEndObject();
    }

    private static void WriteNullableField(Utf8JsonWriter json, string name, string avroType, string doc)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteStartArray("type");
        json.WriteStringValue("null");
        json.WriteStringValue(avroType);
        json.WriteEndArray();
        json.WriteString("doc", doc);
        json.WriteNull("default");
        json.WriteEndObject();
    }
}
