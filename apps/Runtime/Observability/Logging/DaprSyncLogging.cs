using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Configuration;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace DaprSync.Runtime.Observability.Logging;

/// <summary>Serilog set-up shared by the apps and the standalone host, with secret redaction.</summary>
public static class DaprSyncLogging
{
    public const string FormatKey = "Logging:Format";
    public const string MinimumLevelKey = "Logging:MinimumLevel";

    private const string ConsoleTemplate =
        "[{Timestamp:HH:mm:ss} {Level:u3}] {AppId} {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <summary>
    /// Replaces the app's logging providers with Serilog: <c>Logging:Format</c> <c>json</c> (the default)
    /// or <c>console</c>, <c>Logging:MinimumLevel</c> (default <c>Information</c>), and every secret value of
    /// the final configuration masked. Pair it with <see cref="UseDaprSyncRequestLogging"/>.
    /// </summary>
    public static WebApplicationBuilder AddDaprSyncLogging(this WebApplicationBuilder builder, string appId)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(appId);
        builder.Logging.ClearProviders();

        // The callback runs when the container is built, so secrets loaded from a secret store are known.
        builder.Services.AddSerilog((services, logger) =>
        {
            var configuration = services.GetRequiredService<IConfiguration>();
            SecretRedactor.Shared.AddValuesFrom(configuration);
            Configure(logger, configuration, LogFormat.Json, SecretRedactor.Shared, appId);
        });
        return builder;
    }

    /// <summary>Logs one line per request (method, path, status, time) through Serilog.</summary>
    public static WebApplication UseDaprSyncRequestLogging(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // Health probes arrive every few seconds and would drown the log, so they log at Verbose.
        app.UseSerilogRequestLogging(options => options.GetLevel = (context, _, exception) =>
            exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
            : context.Request.Path.StartsWithSegments("/healthz") || context.Request.Path.StartsWithSegments("/readyz")
                ? LogEventLevel.Verbose
                : LogEventLevel.Information);
        return app;
    }

    /// <summary>
    /// Configures <paramref name="logger"/> from the <c>Logging</c> settings. Every sink, including those that
    /// <paramref name="addSinks"/> adds, receives events after <paramref name="redactor"/> has masked them.
    /// </summary>
    public static LoggerConfiguration Configure(
        LoggerConfiguration logger,
        IConfiguration configuration,
        LogFormat defaultFormat,
        SecretRedactor redactor,
        string? appId = null,
        LogEventLevel? minimumLevel = null,
        Action<LoggerSinkConfiguration>? addSinks = null)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(redactor);
        var format = ReadEnum(configuration, FormatKey, defaultFormat);
        var minimum = minimumLevel ?? ReadEnum(configuration, MinimumLevelKey, LogEventLevel.Information);

        logger.MinimumLevel.Is(minimum)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("System.Net.Http.HttpClient", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .Enrich.With<SecretPropertyMasker>();
        if (appId is not null)
        {
            logger.Enrich.WithProperty("AppId", appId);
        }

        var redacted = LoggerSinkConfiguration.Wrap(
            sink => new RedactingSink(sink, redactor),
            sinks =>
            {
                if (format == LogFormat.Json)
                {
                    sinks.Console(new CompactJsonFormatter());
                }
                else
                {
                    sinks.Console(outputTemplate: ConsoleTemplate);
                }

                addSinks?.Invoke(sinks);
            });
        return logger.WriteTo.Sink(redacted);
    }

    private static T ReadEnum<T>(IConfiguration configuration, string key, T fallback)
        where T : struct, Enum
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value)
            ? value
            : throw new InvalidOperationException(
                $"{key} is invalid: got '{text}', expected one of {string.Join(", ", Enum.GetNames<T>())}.");
    }
}
