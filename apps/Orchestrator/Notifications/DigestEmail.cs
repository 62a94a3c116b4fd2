using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using DaprSync.Orchestrator.Outcomes;

namespace DaprSync.Orchestrator.Notifications;

/// <summary>
/// The failures recorded since the last digest, rendered as one HTML email. Every value from either system
/// is HTML-encoded, so a record name such as <c>&lt;b&gt;</c> shows as text.
/// </summary>
public sealed record DigestEmail(DateTimeOffset CreatedAt, IReadOnlyList<SyncOutcome> Failures)
{
    public string Subject => $"DaprSync: {Failures.Count} new sync failures";

    public string ToHtml()
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
        html.Append(CultureInfo.InvariantCulture, $"<h2>DaprSync: {Failures.Count} new sync failures</h2>");
        html.Append(CultureInfo.InvariantCulture,
            $"<p>Failures recorded since the last digest, as of {E(Format(CreatedAt))} (UTC).</p>");
        html.Append("<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\"><thead><tr>");
        html.Append("<th>Flow</th><th>Record id</th><th>NetSuite id</th><th>Error code</th><th>Message</th>");
        html.Append("<th>Attempts</th><th>Last seen (UTC)</th></tr></thead><tbody>");
        foreach (var failure in Failures)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{E(failure.Flow)}</td><td>{E(failure.RecordId)}</td><td>{E(failure.NetSuiteId)}</td>"
                + $"<td>{E(failure.ErrorCode)}</td><td>{E(failure.Message)}</td>"
                + $"<td>{failure.Attempts}</td><td>{E(Format(failure.LastSeen))}</td></tr>");
        }

        html.Append("</tbody></table></body></html>");
        return html.ToString();
    }

    private static string E(string? value) => HtmlEncoder.Default.Encode(value ?? string.Empty);

    private static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
