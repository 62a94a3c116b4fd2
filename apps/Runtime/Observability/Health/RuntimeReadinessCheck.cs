using Dapr.Client;
using DaprSync.Runtime.InProcess;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace DaprSync.Runtime.Observability.Health;

/// <summary>
/// Readiness of the runtime seam: under Dapr the sidecar's health endpoint returns healthy, and in process
/// a query on the SQLite database of the outbox and state store succeeds.
/// </summary>
internal sealed class RuntimeReadinessCheck(IServiceProvider services, IOptions<RuntimeOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context,
        CancellationToken cancellationToken = default)
    {
        if (options.Value.Mode == RuntimeMode.Dapr)
        {
            var dapr = services.GetRequiredService<DaprClient>();
            return await dapr.CheckHealthAsync(cancellationToken)
                ? HealthCheckResult.Healthy("The Dapr sidecar is healthy.")
                : HealthCheckResult.Unhealthy("The Dapr sidecar did not answer its health endpoint.");
        }

        var runtime = services.GetService<InProcessRuntime>();
        if (runtime is null)
        {
            return HealthCheckResult.Unhealthy("The in-process runtime is not registered.");
        }

        try
        {
            await using var connection = runtime.Database.Open();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM outbox WHERE fanned_out = 0";
            var pending = Convert.ToInt64(
                await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            return HealthCheckResult.Healthy($"The SQLite database answers; {pending} events wait for fan-out.");
        }
        catch (SqliteException exception)
        {
            return HealthCheckResult.Unhealthy(
                $"The SQLite database {runtime.Database.Path} failed with error code {exception.SqliteErrorCode}.");
        }
    }
}
