using System.Text.Json;
using DaprSync.NetSuiteEmulator.Errors;

namespace DaprSync.NetSuiteEmulator.Faults;

/// <summary>
/// Applies the concurrency limit and the injected faults to every REST request under <c>/services/rest</c>.
/// A request past the limit gets NetSuite's 429 body at once; an admitted request keeps its slot through the
/// injected latency and its endpoint, until its response starts. SOAP endpoints take a slot from <see cref="ConcurrencyGate"/> themselves,
/// because they reply with a SOAP fault instead.
/// </summary>
internal sealed partial class TrafficMiddleware(
    RequestDelegate next,
    ConcurrencyGate gate,
    FaultInjector faults,
    TimeProvider timeProvider,
    ILogger<TrafficMiddleware> logger)
{
    public const string RestPrefix = "/services/rest";

    private const string ErrorType = "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html";

    private static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web);

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(RestPrefix, StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        using var slot = gate.TryEnter();
        if (slot is null)
        {
            LogRejected(logger, context.Request.Method, context.Request.Path, gate.Limit);
            await WriteErrorAsync(context, StatusCodes.Status429TooManyRequests, "Too Many Requests", LimitExceeded());
            return;
        }

        // Released when the response starts, so a client that sends its next request after reading this response
        // never finds its own finished request still counted.
        context.Response.OnStarting(() =>
        {
            slot.Dispose();
            return Task.CompletedTask;
        });

        var fault = faults.Next();
        var aborted = context.RequestAborted;
        if (fault.Latency > TimeSpan.Zero)
        {
            await Task.Delay(fault.Latency, timeProvider, aborted);
        }

        if (fault.Hang is { } hang)
        {
            await Task.Delay(hang, timeProvider, aborted);
            context.Abort();
            return;
        }

        if (fault.ErrorStatus is { } status)
        {
            await WriteErrorAsync(context, status, status == 429 ? "Too Many Requests" : "Internal Server Error",
                status == 429
                    ? LimitExceeded()
                    : new NetSuiteErrorDetail("An unexpected error occurred (injected by the emulator).",
                        "UNEXPECTED_ERROR"));
            return;
        }

        await next(context);
    }

    // NOTE: the 429 code and detail follow integrators' reports of NetSuite's REST concurrency error; they were not
    // checked against a live account.
    private static NetSuiteErrorDetail LimitExceeded() =>
        new("Concurrent request limit exceeded. Request blocked.", "CONCURRENCY_LIMIT_EXCEEDED");

    private static async Task WriteErrorAsync(
        HttpContext context,
        int status,
        string title,
        NetSuiteErrorDetail detail)
    {
        var body = new NetSuiteErrorBody(ErrorType, title, status, [detail]);
        context.Response.StatusCode = status;
        context.Response.ContentType = NetSuiteErrorResults.ContentType;
        await context.Response.WriteAsync(JsonSerializer.Serialize(body, SerializerOptions), context.RequestAborted);
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning,
        Message = "Rejected {Method} {Path}: more than {Limit} concurrent requests")]
    private static partial void LogRejected(ILogger logger, string method, string path, int limit);
}
