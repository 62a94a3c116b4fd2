using DaprSync.Orchestrator.Notifications;
using DaprSync.Orchestrator.Polling;
using DaprSync.Runtime;
using Microsoft.Extensions.Logging.Abstractions;

namespace DaprSync.Orchestrator.Tests.Polling;

/// <summary>Builds a <see cref="PollerEngine"/> on a given state store and clock, with email off unless a port is given.</summary>
internal static class PollerTestEngine
{
    public static PollerEngine Create(IStateStore state, TimeProvider time, int? smtpPort = null) => new(
        new StateLease(state, time),
        new WatermarkStore(state),
        state,
        new FailureEmailSender(
            Microsoft.Extensions.Options.Options.Create(new SmtpOptions
            {
                Host = smtpPort is null ? null : "127.0.0.1",
                Port = smtpPort ?? 25,
                UseTls = false,
                Recipients = new(StringComparer.OrdinalIgnoreCase) { ["default"] = ["ops@example.com"] },
            }),
            NullLogger<FailureEmailSender>.Instance),
        time,
        NullLogger<PollerEngine>.Instance);
}
