using System.Text.Json;
using DaprSync.SalesforceEmulator.Rest;
using Microsoft.Extensions.Options;

namespace DaprSync.SalesforceEmulator.Traffic;

/// <summary>
/// Latency and fault settings of the REST and OAuth endpoints (section <c>SalesforceEmulator:Traffic</c>), also
/// the body of <c>POST /admin/traffic</c>, where a null field keeps its current value.
/// </summary>
public sealed record TrafficSettings
{
    /// <summary>Added latency of every request, in milliseconds.</summary>
    public int? LatencyMilliseconds { get; init; }

    /// <summary>Share of requests, 0 to 1, rejected with 503 <c>SERVER_UNAVAILABLE</c>.</summary>
    public double? ServerErrorRate { get; init; }

    /// <summary>Share of requests, 0 to 1, rejected with 429 <c>REQUEST_LIMIT_EXCEEDED</c>.</summary>
    public double? ThrottleRate { get; init; }

    /// <summary>Share of requests, 0 to 1, that hang for <see cref="TimeoutSeconds"/> and are then dropped.</summary>
    public double? TimeoutRate { get; init; }

    public int? TimeoutSeconds { get; init; }
}

/// <summary>
/// Applies latency and injected faults to requests under <c>/services/</c> (REST and OAuth), so benchmarks and
/// drills see a slow, unreliable org. The Pub/Sub API and <c>/admin</c> are not affected.
/// </summary>
public static class SalesforceTraffic
{
    public const string SectionName = SalesforceEmulatorOptions.SectionName + ":Traffic";

    private static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Adds the middleware and maps <c>GET</c>, <c>POST</c> and <c>DELETE /admin/traffic</c>. Throws
    /// <see cref="OptionsValidationException"/> naming the key when a setting is out of range.
    /// </summary>
    public static WebApplication UseSalesforceTraffic(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var configured = app.Configuration.GetSection(SectionName).Get<TrafficSettings>() ?? new TrafficSettings();
        var state = new TrafficState(Merge(Defaults, configured));
        var invalid = Validate(state.Current);
        if (invalid.Count > 0)
        {
            throw new OptionsValidationException(SectionName, typeof(TrafficSettings), invalid);
        }

        var time = app.Services.GetRequiredService<TimeProvider>();
        var counters = new TrafficCounters();

        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/services", StringComparison.OrdinalIgnoreCase))
            {
                await next(context);
                return;
            }

            var settings = state.Current;
            if (settings.LatencyMilliseconds > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(settings.LatencyMilliseconds!.Value), time, context.RequestAborted);
            }

            // One draw decides the fault, so the three rates add up and never overlap.
            var draw = Random.Shared.NextDouble();
            var timeoutRate = settings.TimeoutRate!.Value;
            var throttleRate = settings.ThrottleRate!.Value;
            if (draw < timeoutRate)
            {
                Interlocked.Increment(ref counters.Timeouts);
                await Task.Delay(TimeSpan.FromSeconds(settings.TimeoutSeconds!.Value), time, context.RequestAborted);
                context.Abort();
                return;
            }

            if (draw < timeoutRate + throttleRate)
            {
                // NOTE: Salesforce documents 403 REQUEST_LIMIT_EXCEEDED for its API limits and no 429 for the core
                // REST API. The 429 is the throttling a proxy or gateway in front of the org may add.
                Interlocked.Increment(ref counters.Throttled);
                await WriteErrorAsync(context, StatusCodes.Status429TooManyRequests,
                    new RestError("Too many requests. Retry later (injected by the emulator).", "REQUEST_LIMIT_EXCEEDED"));
                return;
            }

            if (draw < timeoutRate + throttleRate + settings.ServerErrorRate!.Value)
            {
                Interlocked.Increment(ref counters.ServerErrors);
                await WriteErrorAsync(context, StatusCodes.Status503ServiceUnavailable,
                    new RestError("Server unavailable (injected by the emulator).", "SERVER_UNAVAILABLE"));
                return;
            }

            await next(context);
        });

        var admin = app.MapGroup("/admin/traffic");
        admin.MapGet("", () => Results.Ok(Describe(state.Current, counters)));
        admin.MapPost("", (TrafficSettings change) =>
        {
            var merged = Merge(state.Current, change);
            var failures = Validate(merged);
            if (failures.Count > 0)
            {
                return Results.Problem(string.Join(" ", failures), statusCode: StatusCodes.Status400BadRequest);
            }

            state.Current = merged;
            return Results.Ok(Describe(merged, counters));
        });
        admin.MapDelete("", () =>
        {
            state.Current = Merge(Defaults, configured);
            counters.Reset();
            return Results.NoContent();
        });

        return app;
    }

    private static TrafficSettings Defaults { get; } = new()
    {
        LatencyMilliseconds = 0,
        ServerErrorRate = 0,
        ThrottleRate = 0,
        TimeoutRate = 0,
        TimeoutSeconds = 120,
    };

    private static TrafficSettings Merge(TrafficSettings current, TrafficSettings change) => new()
    {
        LatencyMilliseconds = change.LatencyMilliseconds ?? current.LatencyMilliseconds,
        ServerErrorRate = change.ServerErrorRate ?? current.ServerErrorRate,
        ThrottleRate = change.ThrottleRate ?? current.ThrottleRate,
        TimeoutRate = change.TimeoutRate ?? current.TimeoutRate,
        TimeoutSeconds = change.TimeoutSeconds ?? current.TimeoutSeconds,
    };

    private static List<string> Validate(TrafficSettings settings)
    {
        var failures = new List<string>();
        if (settings.LatencyMilliseconds is < 0 or > 600_000)
        {
            failures.Add($"{SectionName}:LatencyMilliseconds is {settings.LatencyMilliseconds}: set 0 to 600000.");
        }

        if (settings.TimeoutSeconds is < 1 or > 3600)
        {
            failures.Add($"{SectionName}:TimeoutSeconds is {settings.TimeoutSeconds}: set 1 to 3600.");
        }

        var rates = new[]
        {
            ("ServerErrorRate", settings.ServerErrorRate!.Value),
            ("ThrottleRate", settings.ThrottleRate!.Value),
            ("TimeoutRate", settings.TimeoutRate!.Value),
        };
        failures.AddRange(rates
            .Where(rate => rate.Item2 is < 0 or > 1)
            .Select(rate => $"{SectionName}:{rate.Item1} is {rate.Item2}: set 0 to 1."));
        if (rates.Sum(rate => rate.Item2) > 1)
        {
            failures.Add($"{SectionName}: ServerErrorRate, ThrottleRate and TimeoutRate add up to more than 1.");
        }

        return failures;
    }

    private static object Describe(TrafficSettings settings, TrafficCounters counters) => new
    {
        settings.LatencyMilliseconds,
        settings.ServerErrorRate,
        settings.ThrottleRate,
        settings.TimeoutRate,
        settings.TimeoutSeconds,
        injected = new
        {
            serverErrors = Interlocked.Read(ref counters.ServerErrors),
            throttled = Interlocked.Read(ref counters.Throttled),
            timeouts = Interlocked.Read(ref counters.Timeouts),
        },
    };

    private static async Task WriteErrorAsync(HttpContext context, int status, RestError error)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json;charset=UTF-8";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new[] { error }, SerializerOptions), context.RequestAborted);
    }

    private sealed class TrafficState(TrafficSettings initial)
    {
        private TrafficSettings _current = initial;

        public TrafficSettings Current
        {
            get => Volatile.Read(ref _current);
            set => Volatile.Write(ref _current, value);
        }
    }

    private sealed class TrafficCounters
    {
        public long ServerErrors;
        public long Throttled;
        public long Timeouts;

        public void Reset()
        {
            Interlocked.Exchange(ref ServerErrors, 0);
            Interlocked.Exchange(ref Throttled, 0);
            Interlocked.Exchange(ref Timeouts, 0);
        }
    }
}
