using DaprSync.NetSuiteSapi.Auth;
using DaprSync.Runtime.Observability;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace DaprSync.NetSuiteSapi.Concurrency;

/// <summary>
/// The handler chain of every NetSuite REST client: retry with exponential backoff and jitter on the outside,
/// then the TBA signer, so each attempt carries a fresh nonce and timestamp, then the concurrency gate.
/// </summary>
public static partial class NetSuiteHttpPipeline
{
    /// <summary>Registers the options and the gate shared by all NetSuite clients.</summary>
    public static IServiceCollection AddNetSuiteConcurrency(
        this IServiceCollection services,
        IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<NetSuiteConcurrencyOptions>()
            .Bind(configuration.GetSection(NetSuiteOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<NetSuiteConcurrencyOptions>, NetSuiteConcurrencyOptionsValidator>();
        services.AddSingleton<NetSuiteRequestGate>();
        services.AddTransient<ConcurrencyLimitHandler>();
        return services;
    }

    /// <summary>Adds retry, TBA signing and the concurrency gate to a client, in that order.</summary>
    public static IHttpClientBuilder AddNetSuiteHandlers(this IHttpClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddResilienceHandler("netsuite", (pipeline, context) =>
        {
            var limits = context.ServiceProvider.GetRequiredService<IOptions<NetSuiteConcurrencyOptions>>().Value;
            var netSuite = context.ServiceProvider.GetRequiredService<IOptions<NetSuiteOptions>>().Value;
            var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>()
                .CreateLogger(typeof(NetSuiteHttpPipeline));

            // The default predicate retries connection failures, timeouts, 408, 429 and every 5xx.
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = limits.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(limits.RetryBaseDelayMilliseconds),
                OnRetry = retry =>
                {
                    LogRetry(logger, retry.AttemptNumber + 1, (int?)retry.Outcome.Result?.StatusCode,
                        retry.RetryDelay.TotalMilliseconds, retry.Outcome.Exception?.GetType().Name);
                    return default;
                },
            });
            pipeline.AddTimeout(TimeSpan.FromSeconds(netSuite.RequestTimeoutSeconds));
        });
        builder.AddHttpMessageHandler<TbaHandler>();
        builder.AddHttpMessageHandler<ConcurrencyLimitHandler>();
        builder.AddHttpMessageHandler(services => ApiCallMetricsHandler.Create(services, "netsuite"));
        return builder;
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Warning,
        Message = "Retrying a NetSuite request (retry {Attempt}) after HTTP {Status} {Exception} "
            + "in {DelayMilliseconds} ms")]
    private static partial void LogRetry(
        ILogger logger, int attempt, int? status, double delayMilliseconds, string? exception);
}
