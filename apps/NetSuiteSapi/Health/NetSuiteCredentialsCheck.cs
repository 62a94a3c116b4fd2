using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace DaprSync.NetSuiteSapi.Health;

/// <summary>
/// Readiness of the NetSuite credentials: the account id and the four Token-Based Authentication values
/// are set and valid. It sends no request, so a probe takes no slot of the NetSuite concurrency limit.
/// </summary>
internal sealed class NetSuiteCredentialsCheck(IOptionsMonitor<NetSuiteOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context,
        CancellationToken cancellationToken = default)
    {
        try
        {
            var account = options.CurrentValue.AccountId;
            return Task.FromResult(HealthCheckResult.Healthy($"TBA settings for NetSuite account {account} are set."));
        }
        catch (OptionsValidationException exception)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(string.Join(" ", exception.Failures)));
        }
    }
}
