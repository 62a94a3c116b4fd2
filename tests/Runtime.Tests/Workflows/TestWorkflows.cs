using System.Collections.Concurrent;
using Dapr.Workflow;

namespace DaprSync.Runtime.Tests.Workflows;

public sealed record OrderInput(string OrderId, bool CatchFailure = false);

public sealed record OrderResult(
    string Reservation, int WritebackAttempt, DateTime FinishedAt, string? ErrorType, string? ErrorMessage);

public sealed record CountdownInput(int Remaining, int Visited);

public sealed record TimerResult(DateTime Before, DateTime After, Guid Guid);

/// <summary>
/// State shared by the test activities of one test: how often each ran, which calls fail, and a gate that
/// blocks the writeback activity until the test opens it.
/// </summary>
public sealed class ActivityLog
{
    private readonly ConcurrentDictionary<string, int> _calls = new();

    public TaskCompletionSource WritebackGate { get; set; } = CompletedGate();

    public int WritebackFailuresLeft { get; set; }

    /// <summary>Input value for which <see cref="EchoActivity"/> also waits on <see cref="WritebackGate"/>.</summary>
    public int? GatedEchoInput { get; set; }

    public ConcurrentQueue<Guid> RecordedGuids { get; } = new();

    public int CallsOf(string activity) => _calls.GetValueOrDefault(activity);

    public int Record(string activity) => _calls.AddOrUpdate(activity, 1, (_, count) => count + 1);

    public static TaskCompletionSource CompletedGate()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gate.SetResult();
        return gate;
    }

    public static TaskCompletionSource ClosedGate() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>
/// <see cref="WorkflowContext.IsReplaying"/> as workflow code saw it, by instance id. Static because Dapr.Workflow's
/// analyzer (DAPR1305) rejects constructor injection into workflows. Each test uses its own instance id.
/// </summary>
public static class ReplayProbe
{
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<(string Point, bool IsReplaying)>> Flags =
        new();

    public static void Record(WorkflowContext context, string point) =>
        Flags.GetOrAdd(context.InstanceId, _ => new()).Enqueue((point, context.IsReplaying));

    public static (string Point, bool IsReplaying)[] Of(string instanceId) =>
        Flags.TryGetValue(instanceId, out var flags) ? [.. flags] : [];
}

public sealed class ReserveActivity(ActivityLog log) : WorkflowActivity<OrderInput, string>
{
    public override Task<string> RunAsync(WorkflowActivityContext context, OrderInput input)
    {
        log.Record(nameof(ReserveActivity));
        return Task.FromResult($"reserved-{input.OrderId}");
    }
}

public sealed class WritebackActivity(ActivityLog log) : WorkflowActivity<string, int>
{
    public override async Task<int> RunAsync(WorkflowActivityContext context, string input)
    {
        var attempt = log.Record(nameof(WritebackActivity));
        await log.WritebackGate.Task.WaitAsync(context.CancellationToken);
        if (log.WritebackFailuresLeft > 0)
        {
            log.WritebackFailuresLeft--;
            throw new InvalidOperationException("NetSuite unavailable");
        }

        return attempt;
    }
}

public sealed class TickActivity(ActivityLog log) : WorkflowActivity<int, int>
{
    public override Task<int> RunAsync(WorkflowActivityContext context, int input) =>
        Task.FromResult(log.Record(nameof(TickActivity)) + input);
}

public sealed class RecordGuidActivity(ActivityLog log) : WorkflowActivity<Guid, bool>
{
    public override Task<bool> RunAsync(WorkflowActivityContext context, Guid input)
    {
        log.Record(nameof(RecordGuidActivity));
        log.RecordedGuids.Enqueue(input);
        return Task.FromResult(true);
    }
}

/// <summary>Reserve, then write back with three attempts one, then two, seconds apart.</summary>
public sealed class OrderTestWorkflow : Workflow<OrderInput, OrderResult>
{
    public static readonly WorkflowTaskOptions Retry = new(new WorkflowRetryPolicy(
        maxNumberOfAttempts: 3, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2));

    public override async Task<OrderResult> RunAsync(WorkflowContext context, OrderInput input)
    {
        var reservation = await context.CallActivityAsync<string>(nameof(ReserveActivity), input);
        try
        {
            var attempt = await context.CallActivityAsync<int>(nameof(WritebackActivity), reservation, Retry);
            return new OrderResult(reservation, attempt, context.CurrentUtcDateTime, null, null);
        }
        catch (WorkflowTaskFailedException failure) when (input.CatchFailure)
        {
            return new OrderResult(
                reservation, 0, context.CurrentUtcDateTime, failure.FailureDetails.ErrorType, failure.Message);
        }
    }
}

/// <summary>Ticks once per run and continues as new until <see cref="CountdownInput.Remaining"/> is 0.</summary>
public sealed class CountdownWorkflow : Workflow<CountdownInput, int>
{
    public override async Task<int> RunAsync(WorkflowContext context, CountdownInput input)
    {
        await context.CallActivityAsync<int>(nameof(TickActivity), input.Visited);
        if (input.Remaining == 0)
        {
            return input.Visited;
        }

        context.ContinueAsNew(new CountdownInput(input.Remaining - 1, input.Visited + 1));
        return -1;
    }
}

/// <summary>Hands a new GUID to an activity, then waits the given minutes on a durable timer.</summary>
public sealed class TimerWorkflow : Workflow<int, TimerResult>
{
    public override async Task<TimerResult> RunAsync(WorkflowContext context, int minutes)
    {
        ReplayProbe.Record(context, "start");
        var guid = context.NewGuid();
        await context.CallActivityAsync<bool>(nameof(RecordGuidActivity), guid);
        var before = context.CurrentUtcDateTime;
        await context.CreateTimer(TimeSpan.FromMinutes(minutes));
        ReplayProbe.Record(context, "after timer");
        return new TimerResult(before, context.CurrentUtcDateTime, guid);
    }
}

/// <summary>Waits for an external event, which the in-process runner does not support.</summary>
public sealed class ExternalEventWorkflow : Workflow<string, string>
{
    public override Task<string> RunAsync(WorkflowContext context, string input) =>
        context.WaitForExternalEventAsync<string>("approval");
}

/// <summary>Runs a two-step branch per item concurrently and sums the results.</summary>
public sealed class FanOutWorkflow : Workflow<int[], int>
{
    public override async Task<int> RunAsync(WorkflowContext context, int[] items)
    {
        var branches = items.Select(async item =>
        {
            var first = await context.CallActivityAsync<int>(nameof(EchoActivity), item);
            return await context.CallActivityAsync<int>(nameof(EchoActivity), first * 10);
        });
        var results = await Task.WhenAll(branches);
        return results.Sum();
    }
}

public sealed class EchoActivity(ActivityLog log) : WorkflowActivity<int, int>
{
    public override async Task<int> RunAsync(WorkflowActivityContext context, int input)
    {
        log.Record(nameof(EchoActivity));
        if (input == log.GatedEchoInput)
        {
            await log.WritebackGate.Task.WaitAsync(context.CancellationToken);
        }

        await Task.Yield();
        return input;
    }
}

/// <summary>Calls the activity that <see cref="ActivityChoice"/> names, then the writeback activity.</summary>
public sealed class SwitchingWorkflow : Workflow<string, int>
{
    public override async Task<int> RunAsync(WorkflowContext context, string input)
    {
        await context.CallActivityAsync<int>(ActivityChoice.For(context.InstanceId), 1);
        return await context.CallActivityAsync<int>(nameof(WritebackActivity), input);
    }
}

/// <summary>Activity name per instance id for <see cref="SwitchingWorkflow"/>; static for the reason given at
/// <see cref="ReplayProbe"/>.</summary>
public static class ActivityChoice
{
    private static readonly ConcurrentDictionary<string, string> Names = new();

    public static void Set(string instanceId, string activityName) => Names[instanceId] = activityName;

    public static string For(string instanceId) => Names[instanceId];
}

/// <summary>A type System.Text.Json writes but cannot read: its constructor parameter matches no property.</summary>
public sealed class OneWayValue(int secret)
{
    public int Doubled { get; } = secret * 2;
}

public sealed class OneWayActivity : WorkflowActivity<int, OneWayValue>
{
    public override Task<OneWayValue> RunAsync(WorkflowActivityContext context, int input) =>
        Task.FromResult(new OneWayValue(input));
}

public sealed class OneWayWorkflow : Workflow<int, int>
{
    public override async Task<int> RunAsync(WorkflowContext context, int input) =>
        (await context.CallActivityAsync<OneWayValue>(nameof(OneWayActivity), input)).Doubled;
}
