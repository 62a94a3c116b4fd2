using DaprSync.SalesforceSapi.Auth;
using DaprSync.SalesforceSapi.Rest;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DaprSync.SalesforceSapi.Health;

/// <summary>
/// Readiness of the Salesforce credentials: the session obtains an access token (a cached one counts, so
/// a probe does not sign in every time).
/// </summary>
internal sealed class SalesforceCredentialsCheck(ISalesforceSession session) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context,
        CancellationToken cancellationToken = default)
    {
        try
        {
            var info = await session.GetAsync(cancellationToken);
            return HealthCheckResult.Healthy($"Signed in to Salesforce org {info.OrgId}.");
        }
        catch (SalesforceAuthenticationException exception)
        {
            return HealthCheckResult.Unhealthy($"Salesforce rejected the credentials: {exception.Error}.");
        }
        catch (SalesforceUnavailableException)
        {
            return HealthCheckResult.Unhealthy("The Salesforce token endpoint did not answer.");
        }
    }
}
