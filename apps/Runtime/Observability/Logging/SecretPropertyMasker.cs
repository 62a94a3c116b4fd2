using Serilog.Core;
using Serilog.Events;

namespace DaprSync.Runtime.Observability.Logging;

/// <summary>
/// Masks the value of every property whose name looks like a secret, at any depth of a destructured
/// object, before any sink receives the event.
/// </summary>
public sealed class SecretPropertyMasker : ILogEventEnricher
{
    private static readonly ScalarValue Masked = new(SecretRedactor.Mask);

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            var masked = SecretRedactor.IsSecretName(name) ? Masked : MaskNested(value);
            if (!ReferenceEquals(masked, value))
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, masked));
            }
        }
    }

    private static LogEventPropertyValue MaskNested(LogEventPropertyValue value) => value switch
    {
        StructureValue structure when structure.Properties.Any(p => SecretRedactor.IsSecretName(p.Name)
            || !ReferenceEquals(MaskNested(p.Value), p.Value)) => new StructureValue(
                structure.Properties.Select(p => new LogEventProperty(
                    p.Name, SecretRedactor.IsSecretName(p.Name) ? Masked : MaskNested(p.Value))),
                structure.TypeTag),
        DictionaryValue dictionary when dictionary.Elements.Any(e => e.Key.Value is string key
            && SecretRedactor.IsSecretName(key)) => new DictionaryValue(
                dictionary.Elements.Select(e => new KeyValuePair<ScalarValue, LogEventPropertyValue>(
                    e.Key, e.Key.Value is string key && SecretRedactor.IsSecretName(key) ? Masked : e.Value))),
        _ => value,
    };
}
