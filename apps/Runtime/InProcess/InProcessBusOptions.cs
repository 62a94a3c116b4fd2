namespace DaprSync.Runtime.InProcess;

/// <summary>Delivery settings of the in-process pub/sub (section <c>Runtime:Bus</c>).</summary>
public sealed class InProcessBusOptions
{
    /// <summary>Attempts per delivery before the event goes to the dead-letter topic.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Wait before the first retry; doubled on every further retry up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Deliveries in flight at once, across every app and topic.</summary>
    public int MaxConcurrentDeliveries { get; set; } = 16;

    /// <summary>How long one POST to an app may take before it counts as failed and is retried.</summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the dispatcher looks for due retries when nothing wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(100);
}
