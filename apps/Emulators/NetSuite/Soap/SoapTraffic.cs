using DaprSync.NetSuiteEmulator.Faults;

namespace DaprSync.NetSuiteEmulator.Soap;

/// <summary>
/// Applies the account's concurrency limit and the injected faults to SOAP calls, as
/// <see cref="TrafficMiddleware"/> does for REST, but replies with SOAP faults. NetSuite counts SOAP and REST
/// requests against one limit, so both take their slot from the same <see cref="ConcurrencyGate"/>.
/// </summary>
/// <remarks>
/// The slot is held while the call is handled and released before the reply is written, so a client that waits
/// for each reply before its next call never collides with its own previous call.
/// </remarks>
internal sealed partial class SoapTraffic(
    ConcurrencyGate gate,
    FaultInjector faults,
    TimeProvider timeProvider,
    ILogger<SoapTraffic> logger)
{
    /// <summary>
    /// The fault NetSuite returns to a call with token-based authentication past the account's limit (NetSuite
    /// help topic "Errors Related to Concurrency Violations").
    /// </summary>
    public static InjectedSoapFault LimitExceeded { get; } = new(
        "exceededConcurrentRequestLimitFault",
        "WS_REQUEST_BLOCKED",
        "Concurrent request limit exceeded. Request blocked.");

    /// <summary>Runs <paramref name="handle"/> inside a concurrency slot, or returns the fault that replaces it.</summary>
    public async Task<IResult> RunAsync(HttpContext context, string? operation, Func<IResult> handle)
    {
        using var slot = gate.TryEnter();
        if (slot is null)
        {
            LogRejected(logger, operation ?? "unknown", gate.Limit);
            return SoapResults.Fault(LimitExceeded);
        }

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
            return Results.Empty;
        }

        return fault.ErrorStatus switch
        {
            StatusCodes.Status429TooManyRequests => SoapResults.Fault(LimitExceeded),
            not null => SoapResults.Fault(new InjectedSoapFault("unexpectedErrorFault", "UNEXPECTED_ERROR",
                "An unexpected error occurred (injected by the emulator).")),
            null => handle(),
        };
    }

    [LoggerMessage(EventId = 202, Level = LogLevel.Warning,
        Message = "Rejected the SOAP {Operation} call: more than {Limit} concurrent requests")]
    private static partial void LogRejected(ILogger logger, string operation, int limit);
}
