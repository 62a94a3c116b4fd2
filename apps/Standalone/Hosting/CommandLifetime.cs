namespace DaprSync.Standalone.Hosting;

/// <summary>
/// Host lifetime for an app started by the standalone command: the command, not each app, handles
/// Ctrl+C and SIGTERM and stops every app in order, so the apps register no console handlers.
/// </summary>
internal sealed class CommandLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
