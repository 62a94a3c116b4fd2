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
    private static int s_stopping;

    /// <summary>
    /// Drops log events caused by cancellation or by an aborted request body until the returned scope is disposed.
    /// Stopping an app cancels its requests and workflows, and each of them would otherwise log a stack trace.
    /// </summary>
    public static IDisposable SuppressCancellations()
    {
        Interlocked.Increment(ref s_stopping);
        return new StopScope();
    }

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
            .Filter.ByExcluding(e => e.Exception is OptionsValidationException)
            .Filter.ByExcluding(e => e.Exception is not null && SettingsCheck.TryDescribeConversion(e.Exception, out _))
            .Filter.ByExcluding(e => Volatile.Read(ref s_stopping) > 0 && IsCancellation(e.Exception));
        DaprSyncLogging.Configure(
            logger, configuration, defaultFormat, SecretRedactor.Shared, minimumLevel: minimum, addSinks: addSinks);
        Log.Logger = logger.CreateLogger();
    }

    private static bool IsCancellation(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            // Kestrel raises BadHttpRequestException when a stopping app aborts a request while its body is read.
            if (current is OperationCanceledException or Microsoft.AspNetCore.Http.BadHttpRequestException)
            {
                return true;
            }
        }

        return false;
    }

    private sealed class StopScope : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref s_stopping);
            }
        }
    }
}
