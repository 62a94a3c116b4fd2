using DaprSync.Contracts;
using DaprSync.Contracts.Events;
using DaprSync.Runtime;
using DaprSync.SalesforceSapi.Auth;
using Grpc.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DaprSync.SalesforceSapi.PubSub;

/// <summary>
/// Hosted service that keeps one Pub/Sub API subscription open for one topic while this replica holds
/// the topic's <see cref="SubscriberLease"/>. It reconnects with exponential backoff (a failed
/// <c>GetTopic</c> included), authenticates again once when the token is rejected, and on an invalid or
/// expired replay id reports a <c>REPLAY_ID_INVALID</c> problem, resubscribes from LATEST and, once the new
/// subscription has returned its first response, runs the catch-up sweep from the last event seen.
/// </summary>
public sealed partial class PlatformEventSubscriber(IPlatformEventHandler handler, PlatformEventSubscriber.Dependencies deps)
    : BackgroundService
{
    private const string ReplayIdCorruptedCode = "sfdc.platform.eventbus.grpc.subscription.fetch.replayid.corrupted";
    private const string ReplayIdValidationFailedCode =
        "sfdc.platform.eventbus.grpc.subscription.fetch.replayid.validation.failed";

    /// <summary>Services that every topic's subscriber shares.</summary>
    public sealed record Dependencies(
        Eventbus.V1.PubSub.PubSubClient Client,
        AvroSchemaCache Schemas,
        ReplayIdStore ReplayIds,
        ISalesforceSession Sessions,
        IEventPublisher Publisher,
        PubSubOptions Options,
        TimeProvider TimeProvider,
        ILogger<PlatformEventSubscriber> Logger,
        IStateStore StateStore,
        string ReplicaId,
        IReplayGapSweeper? Sweeper = null)
    {
        /// <summary>
        /// Returns the delay before retry number <paramref name="failures"/>: the minimum delay, doubled per
        /// failure up to the maximum.
        /// </summary>
        public TimeSpan ComputeBackoff(int failures)
        {
            var exponent = Math.Min(failures - 1, 20);
            var delay = Options.ReconnectMinDelay * Math.Pow(2, exponent);
            return delay < Options.ReconnectMaxDelay ? delay : Options.ReconnectMaxDelay;
        }

        /// <summary>Publishes a <see cref="SyncProblemEvent"/> for the orchestrator to record.</summary>
        /// <exception cref="PlatformEventDeliveryException">The bus did not accept the problem event.</exception>
        public async Task ReportProblemAsync(
            string code, string message, string topicName, string? recordId, CancellationToken cancellationToken)
        {
            var problem = new SyncProblemEvent(
                AppIds.SalesforceSapi,
                code,
                message,
                topicName.Replace("/event/", string.Empty, StringComparison.Ordinal),
                recordId,
                TimeProvider.GetUtcNow());
            try
            {
                await Publisher.PublishAsync(Topics.SyncProblem, problem, cancellationToken: cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // As for events: the bus seam has no failure types of its own, and the report must not be lost.
                throw new PlatformEventDeliveryException($"Publishing problem {code} for {topicName} failed.", ex);
            }
        }
    }

    public IPlatformEventHandler Handler => handler;

    private async Task RunAsync(LeaseFence fence, CancellationToken stoppingToken)
    {
        var failures = 0;
        var reauthenticated = false;
        var session = await deps.Sessions.GetAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var stream = new PlatformEventStream(deps, handler, fence);
            var responded = false;
            void OnResponse()
            {
                failures = 0;
                reauthenticated = false;
                if (!responded)
                {
                    // The first response proves the server has fixed the start position, so a sweep started
                    // now covers every change the new subscription will not deliver.
                    responded = true;
                    StartMarkedSweep(fence, stoppingToken);
                }
            }

            Exception? failure;
            try
            {
                await stream.RunAsync(session, OnResponse, stoppingToken);
                failure = new RpcException(new Status(StatusCode.Unavailable, "The server ended the stream."));
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Unauthenticated && !reauthenticated)
            {
                PubSubLog.Reauthenticating(deps.Logger, handler.TopicName);
                session = await deps.Sessions.RefreshAsync(session, stoppingToken);
                reauthenticated = true;
                continue;
            }
            catch (RpcException ex) when (stream.StartReplayId is not null && IsReplayIdRejected(ex))
            {
                try
                {
                    await RecoverFromInvalidReplayIdAsync(ex, stream.StartReplayId, fence, stoppingToken);
                    continue;
                }
                catch (Exception recoveryFailure) when (recoveryFailure is not OperationCanceledException)
                {
                    // The bus or the state store failed, and neither seam defines failure types. The replay
                    // id stays stored, so the next attempt is rejected again and reports again.
                    failure = recoveryFailure;
                }
            }
            catch (TopicUnavailableException ex)
            {
                // A missing topic or permission is often fixed in the org while the app runs, so retry.
                PubSubLog.TopicUnavailable(deps.Logger, handler.TopicName, ex.Message);
                failure = ex;
            }
            catch (RpcException ex) when (!stoppingToken.IsCancellationRequested)
            {
                failure = ex;
            }
            catch (PlatformEventDeliveryException ex)
            {
                failure = ex;
            }

            failures++;
            var delay = deps.ComputeBackoff(failures);
            PubSubLog.Reconnecting(deps.Logger, failure, handler.TopicName, delay, failures);
            await Task.Delay(delay, deps.TimeProvider, stoppingToken);
            reauthenticated = false;
        }
    }

    private async Task RecoverFromInvalidReplayIdAsync(
        RpcException error, byte[] replayId, LeaseFence fence, CancellationToken token)
    {
        var errorCode = error.Trailers.GetValue("error-code") ?? error.StatusCode.ToString();
        var replayHex = PlatformEventStream.ToHex(replayId);
        PubSubLog.ReplayIdInvalid(deps.Logger, error, handler.TopicName, replayHex, errorCode);
        await fence(token);
        await deps.ReportProblemAsync(
            "REPLAY_ID_INVALID",
            $"The stored replay id {replayHex} of {handler.TopicName} was rejected as invalid or expired "
                + $"({errorCode}). Events published after it may have been missed; the subscription restarts "
                + "from LATEST.",
            handler.TopicName,
            recordId: null,
            token);

        // The gap is stored before the replay id goes, so a stop in between still leaves the sweep to run.
        if (deps.Sweeper is not null)
        {
            await deps.Sweeper.MarkGapAsync(handler.TopicName, token);
        }

        await fence(token);
        await deps.ReplayIds.DeleteAsync(handler.TopicName, token);
    }

    private static bool IsReplayIdRejected(RpcException error)
    {
        var errorCode = error.Trailers.GetValue("error-code");
        return error.StatusCode == StatusCode.InvalidArgument
            && (errorCode == ReplayIdCorruptedCode || errorCode == ReplayIdValidationFailedCode);
    }
}
