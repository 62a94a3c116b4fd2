using Serilog.Core;
using Serilog.Events;
using Serilog.Parsing;

namespace DaprSync.Runtime.Observability.Logging;

/// <summary>
/// Wraps a sink and replaces every configured secret value in the event before the inner sink renders it:
/// in the message template text, in every string property at any depth, and in the exception's message
/// and stack trace.
/// </summary>
public sealed class RedactingSink(ILogEventSink inner, SecretRedactor redactor) : ILogEventSink, IDisposable
{
    private static readonly MessageTemplateParser Parser = new();

    public void Emit(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        if (redactor.Count == 0)
        {
            inner.Emit(logEvent);
            return;
        }

        var templateText = redactor.Redact(logEvent.MessageTemplate.Text);
        var template = templateText == logEvent.MessageTemplate.Text
            ? logEvent.MessageTemplate
            : Parser.Parse(templateText);
        var properties = logEvent.Properties.Select(p => new LogEventProperty(p.Key, Redact(p.Value)));
        var exception = logEvent.Exception is null ? null : RedactedException.From(logEvent.Exception, redactor);
        inner.Emit(new LogEvent(
            logEvent.Timestamp,
            logEvent.Level,
            exception,
            template,
            properties,
            logEvent.TraceId ?? default,
            logEvent.SpanId ?? default));
    }

    public void Dispose() => (inner as IDisposable)?.Dispose();

    private LogEventPropertyValue RedactText(string text, LogEventPropertyValue original)
    {
        var clean = redactor.Redact(text);
        return clean == text ? original : new ScalarValue(clean);
    }

    private LogEventPropertyValue Redact(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: string text } => RedactText(text, value),
        ScalarValue { Value: Uri uri } => RedactText(uri.ToString(), value),
        SequenceValue sequence => new SequenceValue(sequence.Elements.Select(Redact)),
        StructureValue structure => new StructureValue(
            structure.Properties.Select(p => new LogEventProperty(p.Name, Redact(p.Value))), structure.TypeTag),
        DictionaryValue dictionary => new DictionaryValue(dictionary.Elements.Select(
            e => new KeyValuePair<ScalarValue, LogEventPropertyValue>(e.Key, Redact(e.Value)))),
        _ => value,
    };
}

/// <summary>Stands in for a logged exception whose message or stack trace contained a secret value.</summary>
public sealed class RedactedException : Exception
{
    private readonly string _text;

    private RedactedException(string message, string text, string typeName)
        : base(message)
    {
        _text = text;
        OriginalType = typeName;
    }

    /// <summary>Full name of the exception type that was logged.</summary>
    public string OriginalType { get; }

    /// <summary>Returns <paramref name="exception"/> itself unless its text contains a secret value.</summary>
    public static Exception From(Exception exception, SecretRedactor redactor)
    {
        var text = exception.ToString();
        var clean = redactor.Redact(text);
        return clean == text
            ? exception
            : new RedactedException(redactor.Redact(exception.Message), clean, exception.GetType().FullName ?? "Exception");
    }

    public override string ToString() => _text;
}
