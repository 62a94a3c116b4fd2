using System.Collections.Concurrent;
using DaprSync.Runtime.Observability.Logging;
using DaprSync.Standalone.Hosting;
using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace DaprSync.Standalone.Tests.Command;

[Collection(StaticLoggerCollection.Name)]
public sealed class HostLoggingStopTests
{
    [Fact]
    public async Task SuppressCancellations_WhileStopping_DropsCancellationEventsOnly()
    {
        var capture = new CaptureSink();
        var previous = Log.Logger;
        HostLogging.Configure(new ConfigurationBuilder().Build(), LogFormat.Console, LogEventLevel.Warning, s => s.Sink(capture));
        try
        {
            using (HostLogging.SuppressCancellations())
            {
                Log.Error(new TaskCanceledException("request aborted"), "Cancelled while stopping");
                Log.Error(new HttpRequestException("wrapped", new OperationCanceledException()), "Wrapped cancellation");
                Log.Error(new Microsoft.AspNetCore.Http.BadHttpRequestException("body cut off"), "Aborted request body");
                Log.Error(new InvalidOperationException("broken"), "Real failure while stopping");
            }

            Log.Error(new TaskCanceledException("timed out"), "Cancelled while running");
        }
        finally
        {
            await Log.CloseAndFlushAsync();
            Log.Logger = previous;
        }

        var messages = capture.Messages.ToList();
        Assert.DoesNotContain("Cancelled while stopping", messages);
        Assert.DoesNotContain("Wrapped cancellation", messages);
        Assert.DoesNotContain("Aborted request body", messages);
        Assert.Contains("Real failure while stopping", messages);
        Assert.Contains("Cancelled while running", messages);
    }

    private sealed class CaptureSink : ILogEventSink
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public void Emit(LogEvent logEvent) => Messages.Enqueue(logEvent.MessageTemplate.Text);
    }
}
