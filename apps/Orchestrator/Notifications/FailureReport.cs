using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace DaprSync.Orchestrator.Notifications;

/// <summary>One record that a run could not sync.</summary>
public sealed record FailedRecord(
    string RecordType,
    string? NetSuiteId,
    string? SalesforceReference,
    string ErrorCode,
    string Message);

/// <summary>
/// The failures of one run, rendered as the single HTML email the operations team receives for it.
/// Every value from either system is HTML-encoded, so a name such as <c>&lt;script&gt;</c> shows as text.
/// </summary>
public sealed record FailureReport(
    string Flow,
    string RunId,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    IReadOnlyList<FailedRecord> Failures,
    string? TransientError = null)
{
    /// <summary>True when the run hit a transient error, left its watermark and will read the window again.</summary>
    public bool WillRepeat => TransientError is not null;

    public string Subject => WillRepeat
        ? $"DaprSync {Flow} run {RunId}: {Failures.Count} failed records, run will be repeated"
        : $"DaprSync {Flow} run {RunId}: {Failures.Count} failed records";

    public string ToHtml()
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
        html.Append(CultureInfo.InvariantCulture, $"<h2>DaprSync {E(Flow)}: {Failures.Count} records failed</h2>");
        html.Append(CultureInfo.InvariantCulture,
            $"<p>Run {E(RunId)} read records modified from {E(Format(WindowStart))} to {E(Format(WindowEnd))} (UTC).</p>");
        if (TransientError is not null)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<p><strong>The run stopped on a transient error and will be repeated:</strong> {E(TransientError)}</p>");
        }

        if (Failures.Count > 0)
        {
            html.Append("<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\"><thead><tr>");
            html.Append("<th>Type</th><th>NetSuite id</th><th>Salesforce reference</th><th>Error code</th><th>Message</th>");
            html.Append("</tr></thead><tbody>");
            foreach (var failure in Failures)
            {
                html.Append(CultureInfo.InvariantCulture,
                    $"<tr><td>{E(failure.RecordType)}</td><td>{E(failure.NetSuiteId)}</td>"
                    + $"<td>{E(failure.SalesforceReference)}</td><td>{E(failure.ErrorCode)}</td><td>{E(failure.Message)}</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        html.Append("</body></html>");
        return html.ToString();
    }

    private static string E(string? value) => HtmlEncoder.Default.Encode(value ?? string.Empty);

    private static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
