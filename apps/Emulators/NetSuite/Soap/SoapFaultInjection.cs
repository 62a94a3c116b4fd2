using System.Collections.Concurrent;

namespace DaprSync.NetSuiteEmulator.Soap;

/// <summary>A fault the emulator returns in place of handling a call, for example a concurrency-limit fault.</summary>
/// <remarks>
/// NetSuite's help topic "Errors Related to Concurrency Violations" pairs the two concurrency faults with their codes:
/// <c>ExceededConcurrentRequestLimitFault</c> with <c>WS_REQUEST_BLOCKED</c> for token-based authentication, and
/// <c>ExceededRequestLimitFault</c> with <c>WS_CONCUR_SESSION_DISALLWD</c> for request-level credentials and login.
/// </remarks>
public sealed record InjectedSoapFault(string FaultElement, string Code, string Message)
{
    public static InjectedSoapFault ConcurrentRequestLimit { get; } = SoapTraffic.LimitExceeded;

    public static InjectedSoapFault RequestBlocked { get; } = new(
        "exceededRequestLimitFault",
        "WS_CONCUR_SESSION_DISALLWD",
        "Only one request may be made against a session at a time");
}

/// <summary>
/// Faults queued by a test or the sandbox; each SOAP call takes the next one, after the token passport check, until
/// the queue is empty.
/// </summary>
public sealed class SoapFaultInjection
{
    private readonly ConcurrentQueue<InjectedSoapFault> _pending = new();

    public void Enqueue(InjectedSoapFault fault, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        for (var i = 0; i < times; i++)
        {
            _pending.Enqueue(fault);
        }
    }

    internal bool TryTake(out InjectedSoapFault? fault) => _pending.TryDequeue(out fault);
}
