using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace DaprSync.TestSupport;

/// <summary>One measurement of a counter: the instrument's name, the value added and the measurement's tags.</summary>
public sealed record RecordedMeasurement(string Instrument, long Value, IReadOnlyDictionary<string, object?> Tags)
{
    /// <summary>Returns the tag's value as a string, or null when the measurement lacks the tag.</summary>
    public string? Tag(string name) => Tags.TryGetValue(name, out var value) ? value?.ToString() : null;
}

/// <summary>
/// Records the <c>long</c> measurements of one meter, only of the meters that one host's <see cref="IMeterFactory"/>
/// created. Meter listeners are process-wide, so the filter by factory keeps tests that run in parallel apart.
/// </summary>
public sealed class MetricsRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<RecordedMeasurement> _measurements = new();

    /// <summary>Starts recording the meter <paramref name="meterName"/> of the host's container.</summary>
    public MetricsRecorder(IServiceProvider services, string meterName)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(meterName);
        var factory = services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == meterName && instrument.Meter.Scope == factory)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            _measurements.Enqueue(new RecordedMeasurement(
                instrument.Name, value, tags.ToArray().ToDictionary(tag => tag.Key, tag => tag.Value))));

        // Start also publishes the instruments that exist already, so a recorder made after the host started works.
        _listener.Start();
    }

    /// <summary>Returns the measurements of <paramref name="instrument"/> recorded so far.</summary>
    public IReadOnlyList<RecordedMeasurement> Of(string instrument) =>
        _measurements.Where(measurement => measurement.Instrument == instrument).ToList();

    public void Dispose() => _listener.Dispose();
}
