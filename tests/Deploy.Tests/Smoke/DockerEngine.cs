using System.Diagnostics;
using System.Net.Sockets;

namespace DaprSync.Deploy.Tests.Smoke;

/// <summary>
/// Checks that a Docker engine responds before a Testcontainers test starts. A successful
/// <c>docker --version</c> proves nothing, because the CLI can be installed with no engine behind it.
/// </summary>
internal static class DockerEngine
{
    private const string DefaultSocket = "/var/run/docker.sock";

    /// <summary>Returns why no engine can be used, or null when one responded.</summary>
    public static async Task<string?> FindUnavailableReasonAsync(CancellationToken cancellationToken)
    {
        var dockerHost = Environment.GetEnvironmentVariable("DOCKER_HOST");
        if (!string.IsNullOrEmpty(dockerHost))
        {
            return await RunDockerInfoAsync(dockerHost, cancellationToken);
        }

        if (!File.Exists(DefaultSocket))
        {
            return $"No Docker engine: {DefaultSocket} does not exist and DOCKER_HOST is not set.";
        }

        return await PingSocketAsync(cancellationToken);
    }

    private static async Task<string?> PingSocketAsync(CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, token) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(DefaultSocket), token);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };

        // The host name is ignored because ConnectCallback always opens the Unix socket.
        using var client = new HttpClient(handler)
        {
            BaseAddress = new Uri("http://docker/"),
            Timeout = TimeSpan.FromSeconds(5),
        };
        try
        {
            var response = await client.GetStringAsync("_ping", cancellationToken);
            return response == "OK" ? null : $"The Docker engine at {DefaultSocket} returned '{response}' to /_ping.";
        }
        catch (Exception exception) when (exception is HttpRequestException or SocketException or TaskCanceledException)
        {
            return $"No Docker engine responded on {DefaultSocket}: {exception.Message}";
        }
    }

    private static async Task<string?> RunDockerInfoAsync(string dockerHost, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("docker")
        {
            ArgumentList = { "info", "--format", "{{.ServerVersion}}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        try
        {
            using var process = Process.Start(start)!;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(15));
            await process.WaitForExitAsync(timeout.Token);
            if (process.ExitCode == 0)
            {
                return null;
            }

            var errors = await process.StandardError.ReadToEndAsync(cancellationToken);
            return $"`docker info` failed for DOCKER_HOST={dockerHost}: {errors}";
        }
        catch (Exception exception)
            when (exception is System.ComponentModel.Win32Exception or OperationCanceledException)
        {
            return $"`docker info` did not respond for DOCKER_HOST={dockerHost}: {exception.Message}";
        }
    }
}
