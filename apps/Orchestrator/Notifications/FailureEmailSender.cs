using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DaprSync.Orchestrator.Notifications;

/// <summary>Sends a run's <see cref="FailureReport"/> as one HTML email through MailKit.</summary>
public sealed partial class FailureEmailSender(IOptions<SmtpOptions> options, ILogger<FailureEmailSender> logger)
{
    /// <summary>
    /// Sends the report to the flow's recipients. Returns false and logs why when email is off or sending
    /// failed (connection, protocol, authentication or address errors), so a mail outage does not fail the run.
    /// </summary>
    public async Task<bool> SendAsync(FailureReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sent = await SendHtmlAsync(report.Flow, report.Subject, report.ToHtml(), report.RunId, cancellationToken);
        if (sent)
        {
            EmailSent(logger, report.Flow, report.RunId, report.Failures.Count, options.Value.RecipientsFor(report.Flow).Count);
        }

        return sent;
    }

    /// <summary>Sends an alert with one HTML-encoded paragraph to the flow's recipients; false when email is off or failed.</summary>
    public Task<bool> SendAlertAsync(string flow, string subject, string text, CancellationToken cancellationToken)
    {
        var html = $"<!DOCTYPE html><html><body style=\"font-family:sans-serif\"><p>{System.Text.Encodings.Web.HtmlEncoder.Default.Encode(text)}</p></body></html>";
        return SendHtmlAsync(flow, subject, html, "alert", cancellationToken);
    }

    internal async Task<bool> SendHtmlAsync(string flow, string subject, string html, string runId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var recipients = settings.RecipientsFor(flow);
        if (string.IsNullOrWhiteSpace(settings.Host) || recipients.Count == 0)
        {
            EmailOff(logger, flow, runId);
            return false;
        }

        using var message = new MimeMessage();
        using var client = new SmtpClient();
        try
        {
            message.From.Add(MailboxAddress.Parse(settings.From));
            foreach (var recipient in recipients)
            {
                message.To.Add(MailboxAddress.Parse(recipient));
            }

            message.Subject = subject;
            message.Body = new BodyBuilder { HtmlBody = html }.ToMessageBody();

            var security = !settings.UseTls ? SecureSocketOptions.None
                : settings.Port == 465 ? SecureSocketOptions.SslOnConnect
                : SecureSocketOptions.StartTls;
            await client.ConnectAsync(settings.Host, settings.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(settings.Username))
            {
                await client.AuthenticateAsync(settings.Username, settings.Password ?? string.Empty, cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is IOException or SmtpCommandException or SmtpProtocolException
            or AuthenticationException or System.Net.Sockets.SocketException or ParseException)
        {
            EmailFailed(logger, exception, flow, runId, settings.Host, settings.Port);
            return false;
        }
    }

    [LoggerMessage(EventId = 1100, Level = LogLevel.Warning,
        Message = "Email is off (no Smtp:Host or no recipients for {Flow}); the message of run {RunId} is logged but not emailed")]
    private static partial void EmailOff(ILogger logger, string flow, string runId);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information,
        Message = "Sent the {Flow} failure email of run {RunId} ({Count} failures) to {RecipientCount} recipients")]
    private static partial void EmailSent(ILogger logger, string flow, string runId, int count, int recipientCount);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Error,
        Message = "Sending the {Flow} failure email of run {RunId} through {Host}:{Port} failed")]
    private static partial void EmailFailed(ILogger logger, Exception exception, string flow, string runId, string? host, int port);
}
