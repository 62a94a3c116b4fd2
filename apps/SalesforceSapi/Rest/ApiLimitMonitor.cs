using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace DaprSync.SalesforceSapi.Rest;

/// <summary>
/// The org's remaining daily API allowance, read from <c>Sforce-Limit-Info: api-usage=used/limit</c> on every
/// response, exposed as the gauge <c>daprsync.salesforce.api.remaining</c> (meter <c>DaprSync.SalesforceSapi</c>),
/// and the back-off after Salesforce returns <c>403 REQUEST_LIMIT_EXCEEDED</c>.
/// </summary>
public sealed class ApiLimitMonitor
{
    public const string MeterName = "DaprSync.SalesforceSapi";

    /// <summary>Share of the allowance below which the monitor logs a warning.</summary>
    public const double LowShare = 0.10;

    private readonly TimeProvider timeProvider;
    private readonly IOptions<SalesforceOptions> options;
    private readonly ILogger<ApiLimitMonitor> logger;
    private readonly Lock gate = new();
    private long? remaining;
    private bool warned;
    private DateTimeOffset blockedUntil = DateTimeOffset.MinValue;

    public ApiLimitMonitor(
        IMeterFactory meterFactory,
        TimeProvider timeProvider,
        IOptions<SalesforceOptions> options,
        ILogger<ApiLimitMonitor> logger)
    {
        this.timeProvider = timeProvider;
        this.options = options;
        this.logger = logger;
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableGauge(
            "daprsync.salesforce.api.remaining",
            ObserveRemaining,
            unit: "{request}",
            description: "Remaining daily Salesforce API requests, from the last Sforce-Limit-Info header.");
    }

    /// <summary>Remaining requests from the last header seen, or null before the first response.</summary>
    public long? Remaining
    {
        get
        {
            lock (gate)
            {
                return remaining;
            }
        }
    }

    /// <summary>Reads one <c>Sforce-Limit-Info</c> value and logs when the allowance drops below 10 %.</summary>
    public void Observe(string limitInfo)
    {
        foreach (var part in limitInfo.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!part.StartsWith("api-usage=", StringComparison.Ordinal))
            {
                continue;
            }

            var numbers = part["api-usage=".Length..].Split('/');
            if (numbers.Length != 2
                || !long.TryParse(numbers[0], NumberStyles.None, CultureInfo.InvariantCulture, out var used)
                || !long.TryParse(numbers[1], NumberStyles.None, CultureInfo.InvariantCulture, out var limit)
                || limit <= 0)
            {
                return;
            }

            Record(used, limit);
        }
    }

    /// <summary>Starts the back-off after a <c>REQUEST_LIMIT_EXCEEDED</c> response and returns its end.</summary>
    public DateTimeOffset StartBackoff()
    {
        var until = timeProvider.GetUtcNow().AddSeconds(options.Value.LimitBackoffSeconds);
        lock (gate)
        {
            blockedUntil = until;
        }

        return until;
    }

    /// <summary>Whether calls are held back after the limit was exceeded, and until when.</summary>
    public bool IsBackingOff(out DateTimeOffset until)
    {
        lock (gate)
        {
            until = blockedUntil;
        }

        return timeProvider.GetUtcNow() < until;
    }

    private void Record(long used, long limit)
    {
        var left = Math.Max(0, limit - used);
        bool crossed;
        lock (gate)
        {
            remaining = left;
            var isLow = left < limit * LowShare;
            crossed = isLow && !warned;
            warned = isLow;
        }

        if (crossed)
        {
            SalesforceSapiLog.ApiAllowanceLow(logger, left, limit);
        }
    }

    private IEnumerable<Measurement<long>> ObserveRemaining()
    {
        var value = Remaining;
        return value is null ? [] : [new Measurement<long>(value.Value)];
    }
}
