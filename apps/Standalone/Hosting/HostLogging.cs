using DaprSync.Runtime.Observability.Logging;
using Microsoft.Extensions.Options;
using Serilog;
using Serilog.Configuration;
using Serilog.Events;

namespace DaprSync.Standalone.Hosting;

/// <summary>
/// The process-wide Serilog logger of the standalone host, shared by the three apps and the emulators. Its
/// redactor is <see cref="SecretRedactor.Shared"/>, which every app started by <see cref="LoopbackHost"/>
/// feeds with the secret values of its configuration.
/// </summary>
public static class HostLogging
{
    /// <summary>
    /// Sets <see cref="Log.Logger"/>: <paramref name="defaultFormat"/> unless <c>Logging:Format</c> sets
    /// another, at <paramref name="minimum"/>. <paramref name="addSinks"/> adds sinks, for example a test's,
    /// that receive the same redacted events as the console.
    /// </summary>
    public static void Configure(
        IConfiguration configuration,
        LogFormat defaultFormat,
        LogEventLevel minimum,
        Action<LoggerSinkConfiguration>? addSinks = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        SecretRedactor.Shared.AddValuesFrom(configuration);
        var logger = new LoggerConfiguration()

            // Invalid settings are reported once by the command, without the host's stack trace.
            .Filter.ByExcluding(e => e.Exception is OptionsValidationException);
        DaprSyncLogging.Configure(
            logger, configuration, defaultFormat, SecretRedactor.Shared, minimumLevel: minimum, addSinks: addSinks);
        Log.Logger = logger.CreateLogger();
    }
}
