using System.Text.Json;
using DaprSync.NetSuiteEmulator.Errors;
using DaprSync.NetSuiteEmulator.Soap;
using Microsoft.Extensions.Options;

namespace DaprSync.NetSuiteEmulator.Faults;

/// <summary>
/// Body of <c>POST /admin/throttle</c>: the share of REST and SOAP requests, 0 to 1, rejected as over the
/// concurrency limit.
/// </summary>
public sealed record ThrottlePlan(double Rate);

/// <summary>
/// Rejects a share of requests as over the account's concurrency limit although the account is under it, as a
/// busy account shared with other integrations does. A REST request gets NetSuite's 429 error body. A SOAP call
/// gets the fault NetSuite sends to token-based calls past the limit, <c>ExceededConcurrentRequestLimitFault</c>
/// with code <c>WS_REQUEST_BLOCKED</c>, because SOAP reports the limit as a fault and not as a 429.
/// <see cref="FaultInjector"/> injects one error status at a time, so this runs beside it when a drill needs 5xx
/// errors and throttling together. The rate comes from <c>NetSuiteEmulator:Throttle:Rate</c> (default 0) or
/// <c>POST /admin/throttle</c>.
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
            var path = context.Request.Path;
            var rest = path.StartsWithSegments(TrafficMiddleware.RestPrefix, StringComparison.OrdinalIgnoreCase);
            var soap = path.StartsWithSegments(SoapXml.PortPath, StringComparison.OrdinalIgnoreCase);
            if (!(rest || soap) || Random.Shared.NextDouble() >= rate.Rate)
            {
                await next(context);
                return;
            }

            rate.CountThrottled(soap);
            if (soap)
            {
                await SoapResults.Fault(SoapTraffic.LimitExceeded).ExecuteAsync(context);
                return;
            }

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

        app.MapGet("/admin/throttle", () => Results.Ok(rate.Snapshot()));
        app.MapPost("/admin/throttle", (ThrottlePlan plan) =>
        {
            if (plan.Rate is < 0 or > 1)
            {
                return Results.Problem($"rate is {plan.Rate}: set 0 to 1.", statusCode: StatusCodes.Status400BadRequest);
            }

            rate.Rate = plan.Rate;
            return Results.Ok(rate.Snapshot());
        });
        return app;
    }

    private sealed class ThrottleState(double initial)
    {
        private double _rate = initial;
        private long _throttledRest;
        private long _throttledSoap;

        public double Rate
        {
            get => Volatile.Read(ref _rate);
            set => Volatile.Write(ref _rate, value);
        }

        public void CountThrottled(bool soap)
        {
            if (soap)
            {
                Interlocked.Increment(ref _throttledSoap);
            }
            else
            {
                Interlocked.Increment(ref _throttledRest);
            }
        }

        /// <summary>The rate and the requests rejected since start: in all, and of REST and of SOAP.</summary>
        public object Snapshot()
        {
            var restCount = Interlocked.Read(ref _throttledRest);
            var soapCount = Interlocked.Read(ref _throttledSoap);
            return new { rate = Rate, throttled = restCount + soapCount, throttledRest = restCount, throttledSoap = soapCount };
        }
    }
}
