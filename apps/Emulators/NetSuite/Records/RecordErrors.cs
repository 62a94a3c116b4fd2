using DaprSync.NetSuiteEmulator.Errors;

namespace DaprSync.NetSuiteEmulator.Records;

/// <summary>
/// The validation errors of the REST record API, worded and coded after the bodies NetSuite returns.
/// </summary>
/// <remarks>
/// NOTE: Oracle's documentation shows the <c>INVALID_CONTENT</c> and <c>INVALID_LOGIN</c> bodies. The codes for an
/// unknown field, a bad reference, a missing value and a duplicate external id follow what integrations report
/// from live accounts and were not checked against one.
/// </remarks>
internal static class RecordErrors
{
    public static NetSuiteErrorDetail InvalidBody() => new(
        "Invalid content in the request body. The body must be a JSON object.", "INVALID_CONTENT");

    public static NetSuiteErrorDetail NonexistentField(string path) => new(
        $"Error while accessing a resource. The field {path} does not exist on this record type.",
        "NONEXISTENT_FIELD",
        path);

    public static NetSuiteErrorDetail InvalidValueType(string path, string expected) => new(
        $"Invalid value for the resource or sub-resource field '{path}'. Provide a valid value of type {expected}.",
        "INVALID_CONTENT",
        path);

    public static NetSuiteErrorDetail InvalidFieldValue(string path, string field, string value) => new(
        $"Error while accessing resource: You have entered an Invalid Field Value {value} for the following field: "
        + field,
        "INVALID_CONTENT",
        path);

    public static NetSuiteErrorDetail InvalidReference(string path, string field, string id) => new(
        $"Error while accessing resource: Invalid {field} reference key {id}.", "INVALID_KEY_OR_REF", path);

    public static NetSuiteErrorDetail MissingValue(string path, string label) => new(
        $"Error while accessing resource: Please enter value(s) for: {label}", "USER_ERROR", path);

    public static NetSuiteErrorDetail DuplicateExternalId() => new(
        "Error while accessing resource: This record already exists.", "USER_ERROR", "externalId");

    public static NetSuiteErrorDetail ConflictingExternalId(string path) => new(
        "Error while accessing resource: The externalId in the body differs from the external id in the URL.",
        "USER_ERROR",
        path);
}
