using DaprSync.Contracts;
using Refit;

namespace DaprSync.Orchestrator.Operations;

/// <summary>sf-sapi's <c>GET /limits/api</c> body: remaining daily API requests and any active back-off.</summary>
public sealed record SalesforceApiAllowance(long? Remaining, DateTimeOffset? BackingOffUntil);

/// <summary>ns-sapi's <c>GET /concurrency</c> body: NetSuite requests in flight and the configured maximum.</summary>
public sealed record NetSuiteConcurrency(int InUse, int Limit);

/// <summary>sf-sapi's read endpoint for the status page.</summary>
public interface ISalesforceLimitsClient
{
    [Get("/limits/api")]
    Task<SalesforceApiAllowance> GetApiAllowanceAsync(CancellationToken cancellationToken = default);
}

/// <summary>ns-sapi's read endpoint for the status page.</summary>
public interface INetSuiteConcurrencyClient
{
    [Get("/concurrency")]
    Task<NetSuiteConcurrency> GetConcurrencyAsync(CancellationToken cancellationToken = default);
}

/// <summary>The System API figures on the status page; a figure is null with a reason when it could not be read.</summary>
public sealed record SystemApiFigures(
    SalesforceApiAllowance? Salesforce, string? SalesforceProblem, NetSuiteConcurrency? NetSuite, string? NetSuiteProblem);

/// <summary>Reads both System APIs' figures, each within a short timeout, so a slow System API does not hold the page.</summary>
public sealed class SystemApiStatusReader(IServiceProvider services, ILogger<SystemApiStatusReader> logger)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public async Task<SystemApiFigures> ReadAsync(CancellationToken cancellationToken)
    {
        var (salesforce, salesforceProblem) = await TryReadAsync(
            AppIds.SalesforceSapi,
            token => services.GetRequiredService<ISalesforceLimitsClient>().GetApiAllowanceAsync(token),
            cancellationToken);
        var (netSuite, netSuiteProblem) = await TryReadAsync(
            AppIds.NetSuiteSapi,
            token => services.GetRequiredService<INetSuiteConcurrencyClient>().GetConcurrencyAsync(token),
            cancellationToken);
        return new SystemApiFigures(salesforce, salesforceProblem, netSuite, netSuiteProblem);
    }

    private async Task<(T? Value, string? Problem)> TryReadAsync<T>(
        string appId, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
        where T : class
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        string problem;
        try
        {
            return (await read(timeout.Token), null);
        }
        catch (ApiException exception)
        {
            problem = $"HTTP {(int)exception.StatusCode}";
        }
        catch (HttpRequestException exception)
        {
            problem = exception.Message;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            problem = $"no answer within {Timeout.TotalSeconds:0} s";
        }
        catch (InvalidOperationException exception)
        {
            // For example an app id that the in-process app directory does not know.
            problem = exception.Message;
        }

        OperationsLog.SystemApiStatusUnavailable(logger, appId, problem);
        return (null, problem);
    }
}
