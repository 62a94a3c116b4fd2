using System.Collections.Concurrent;

namespace DaprSync.NetSuiteEmulator.Soap;

/// <summary>A fault the emulator returns in place of handling a call, for example a concurrency-limit fault.</summary>
public sealed record InjectedSoapFault(string FaultElement, string Code, string Message)
{
    public static InjectedSoapFault ConcurrentRequestLimit { get; } = new(
        "exceededConcurrentRequestLimitFault",
        "WS_CONCUR_SESSION_DISALLWD",
        "Only one request may be made against a session at a time");

    public static InjectedSoapFault RequestBlocked { get; } = new(
        "exceededRequestLimitFault",
        "WS_REQUEST_BLOCKED",
        "The request could not be processed because too many requests are pending for this account.");
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
