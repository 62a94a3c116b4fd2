using System.Text.Json;
using DaprSync.NetSuiteEmulator.Errors;
using Microsoft.Extensions.Options;

namespace DaprSync.NetSuiteEmulator.Faults;

/// <summary>Body of <c>POST /admin/throttle</c>: the share of REST requests, 0 to 1, that get a 429.</summary>
public sealed record ThrottlePlan(double Rate);

/// <summary>
/// Rejects a share of REST requests with NetSuite's 429 concurrency error although the account is under its
/// limit, as a busy account shared with other integrations does. <see cref="FaultInjector"/> injects one error
/// status at a time, so this runs beside it when a drill needs 5xx errors and 429s together. The rate comes
/// from <c>NetSuiteEmulator:Throttle:Rate</c> (default 0) or <c>POST /admin/throttle</c>.
/// </summary>
public static class ThrottleInjection
{
    public const string SectionName = NetSuiteEmulatorOptions.SectionName + ":Throttle";

    private static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Adds the middleware after the concurrency gate and maps <c>GET</c> and <c>POST /admin/throttle</c>. Throws
    /// <see cref="OptionsValidationException"/> naming the key when the configured rate is out of range.
    /// </summary>
    public static WebApplication UseNetSuiteThrottle(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var configured = app.Configuration.GetValue<double?>(SectionName + ":Rate") ?? 0;
        if (configured is < 0 or > 1)
        {
            throw new OptionsValidationException(SectionName, typeof(ThrottlePlan),
                [$"{SectionName}:Rate is {configured}: set 0 to 1."]);
        }

        var rate = new ThrottleState(configured);
        app.Use(async (context, next) =>
        {
            var rest = context.Request.Path.StartsWithSegments(TrafficMiddleware.RestPrefix,
                StringComparison.OrdinalIgnoreCase);
            if (!rest || Random.Shared.NextDouble() >= rate.Rate)
            {
                await next(context);
                return;
            }

            rate.CountThrottled();
            var body = new NetSuiteErrorBody(
                "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html",
                "Too Many Requests",
                StatusCodes.Status429TooManyRequests,
                [new NetSuiteErrorDetail("Concurrent request limit exceeded. Request blocked.",
                    "CONCURRENCY_LIMIT_EXCEEDED")]);
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.ContentType = NetSuiteErrorResults.ContentType;
            await context.Response.WriteAsync(JsonSerializer.Serialize(body, SerializerOptions), context.RequestAborted);
        });

        app.MapGet("/admin/throttle", () => Results.Ok(new { rate = rate.Rate, throttled = rate.Throttled }));
        app.MapPost("/admin/throttle", (ThrottlePlan plan) =>
        {
            if (plan.Rate is < 0 or > 1)
            {
                return Results.Problem($"rate is {plan.Rate}: set 0 to 1.", statusCode: StatusCodes.Status400BadRequest);
            }

            rate.Rate = plan.Rate;
            return Results.Ok(new { rate = rate.Rate, throttled = rate.Throttled });
        });
        return app;
    }

    private sealed class ThrottleState(double initial)
    {
        private double _rate = initial;
        private long _throttled;

        public double Rate
        {
            get => Volatile.Read(ref _rate);
            set => Volatile.Write(ref _rate, value);
        }

        public long Throttled => Interlocked.Read(ref _throttled);

        public void CountThrottled() => Interlocked.Increment(ref _throttled);
    }
}
