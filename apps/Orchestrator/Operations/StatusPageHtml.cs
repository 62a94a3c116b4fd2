using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using DaprSync.Orchestrator.Outcomes;

namespace DaprSync.Orchestrator.Operations;

/// <summary>
/// Renders the status fragment. Every value read from either system or from the store passes through
/// <see cref="HtmlEncoder"/>, in text and in attributes alike, and the markup carries no script: the buttons
/// name their action in <c>data-</c> attributes that the page's script reads.
/// </summary>
internal static class StatusPageHtml
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    public static string Render(StatusPageModel model)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<p>Generated {Time(model.GeneratedAt)}.</p>");
        RenderFlows(html, model.Flows);
        RenderFailures(html, "Open failures", "open-failures", model.OpenFailures, withActions: true);
        RenderFailures(html, "Recently resolved", "resolved-failures", model.RecentlyResolved, withActions: false);
        RenderSystemApis(html, model.SystemApis, model.DeadLetters);
        return html.ToString();
    }

    private static void RenderFlows(StringBuilder html, IReadOnlyList<FlowStatus> flows)
    {
        html.Append("<h2>Flows</h2><table id=\"flows\"><thead><tr><th>flow</th><th>state</th><th>last run or outcome</th>"
            + "<th>synced</th><th>failed</th><th>details</th><th></th></tr></thead><tbody>");
        foreach (var flow in flows)
        {
            var state = flow.Pause is null ? "running" : $"paused since {Time(flow.Pause.PausedAt)}: {flow.Pause.Reason}";
            var details = flow.LastRun is { } run
                ? $"{run.Status}, window {Time(run.WindowStart)} to {Time(run.WindowEnd)}, lag {Lag(flow.Lag)}"
                : flow.IsPoller ? "no run yet" : string.Empty;
            html.Append("<tr data-flow=\"").Append(Encode(flow.Flow)).Append("\"><td>").Append(Encode(flow.Flow))
                .Append("</td><td>").Append(Encode(state))
                .Append("</td><td>").Append(Encode(flow.LastOutcomeAt is { } at ? Time(at) : "none"))
                .Append("</td><td>").Append(flow.Synced.ToString(CultureInfo.InvariantCulture))
                .Append("</td><td>").Append(flow.Failed.ToString(CultureInfo.InvariantCulture))
                .Append("</td><td>").Append(Encode(details)).Append("</td><td>");
            html.Append(Button(flow.Pause is null ? "pause" : "resume", flow.Pause is null ? "Pause" : "Resume", flow.Flow, null));
            html.Append(Button("retry-flow", "Retry all", flow.Flow, null));
            if (flow.IsPoller)
            {
                html.Append(Button("run-poller", "Run now", flow.Flow, null));
            }

            html.Append("</td></tr>");
        }

        html.Append("</tbody></table>");
    }

    private static void RenderFailures(
        StringBuilder html, string title, string id, IReadOnlyList<SyncOutcome> failures, bool withActions)
    {
        html.Append("<h2>").Append(Encode(title)).Append("</h2>");
        if (failures.Count == 0)
        {
            html.Append("<p id=\"").Append(id).Append("-none\">None.</p>");
            return;
        }

        html.Append("<table id=\"").Append(id).Append("\"><thead><tr><th>flow</th><th>record</th><th>type</th>"
            + "<th>NetSuite id</th><th>status</th><th>error</th><th>message</th><th>attempts</th><th>first seen</th>"
            + "<th>last seen</th><th></th></tr></thead><tbody>");
        foreach (var failure in failures)
        {
            html.Append("<tr data-flow=\"").Append(Encode(failure.Flow))
                .Append("\" data-record=\"").Append(Encode(failure.RecordId)).Append("\">");
            foreach (var cell in new[]
            {
                failure.Flow, failure.SalesforceId ?? failure.RecordId, failure.RecordType, failure.NetSuiteId,
                failure.Status, failure.ErrorCode, failure.Message,
                failure.Attempts.ToString(CultureInfo.InvariantCulture), Time(failure.FirstSeen), Time(failure.LastSeen),
            })
            {
                html.Append("<td>").Append(Encode(cell)).Append("</td>");
            }

            html.Append("<td>");
            if (withActions)
            {
                html.Append(Button("retry", "Retry", failure.Flow, failure.RecordId));
                html.Append(Button("resolve", "Resolve", failure.Flow, failure.RecordId));
            }

            html.Append("</td></tr>");
        }

        html.Append("</tbody></table>");
    }

    private static void RenderSystemApis(StringBuilder html, SystemApiFigures figures, int deadLetters)
    {
        var allowance = figures.Salesforce is { } salesforce
            ? salesforce.Remaining is { } remaining
                ? $"{remaining.ToString(CultureInfo.InvariantCulture)} requests left today"
                    + (salesforce.BackingOffUntil is { } until ? $", backing off until {Time(until)}" : string.Empty)
                : "not known until sf-sapi's first Salesforce response"
            : $"unavailable ({figures.SalesforceProblem})";
        var concurrency = figures.NetSuite is { } netSuite
            ? $"{netSuite.InUse.ToString(CultureInfo.InvariantCulture)} of {netSuite.Limit.ToString(CultureInfo.InvariantCulture)} requests in flight"
            : $"unavailable ({figures.NetSuiteProblem})";
        html.Append("<h2>System APIs</h2><dl id=\"system-apis\">")
            .Append("<dt>Salesforce API allowance</dt><dd id=\"salesforce-allowance\">").Append(Encode(allowance)).Append("</dd>")
            .Append("<dt>NetSuite concurrency</dt><dd id=\"netsuite-concurrency\">").Append(Encode(concurrency)).Append("</dd>")
            .Append("<dt>Dead letters not replayed</dt><dd id=\"dead-letters\">")
            .Append(deadLetters.ToString(CultureInfo.InvariantCulture)).Append("</dd></dl>");
        if (deadLetters > 0)
        {
            html.Append(Button("replay-dead-letters", "Replay dead letters", null, null));
        }
    }

    private static string Button(string action, string label, string? flow, string? recordId)
    {
        var button = new StringBuilder("<button type=\"button\" data-action=\"").Append(action).Append('"');
        if (flow is not null)
        {
            button.Append(" data-flow=\"").Append(Encode(flow)).Append('"');
        }

        if (recordId is not null)
        {
            button.Append(" data-record=\"").Append(Encode(recordId)).Append('"');
        }

        return button.Append('>').Append(Encode(label)).Append("</button>").ToString();
    }

    private static string Encode(string? value) => Encoder.Encode(value ?? string.Empty);

    private static string Time(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static string Lag(TimeSpan? lag)
    {
        if (lag is not { } value)
        {
            return "unknown";
        }

        if (value.TotalHours >= 1)
        {
            return $"{value.TotalHours:0.0} h";
        }

        return value.TotalMinutes >= 1 ? $"{value.TotalMinutes:0} min" : $"{value.TotalSeconds:0} s";
    }
}
