using System.Threading.Channels;

namespace DaprSync.Runtime.InProcess.Workflows;

/// <summary>
/// Runs one workflow run's code one continuation at a time, in the order the continuations were posted. The
/// Dapr worker likewise runs orchestration code only while it processes one history event after another.
/// Branches of the same workflow (for example of a <c>Task.WhenAll</c> fan-out) then never run workflow code in
/// parallel, and with the ordered dispatch they take sequence numbers in the same order on every replay.
/// Activities and timer waits run outside it, on the thread pool.
/// </summary>
internal sealed class WorkflowSynchronizationContext : SynchronizationContext
{
    private readonly Channel<(SendOrPostCallback Callback, object? State)> _queue =
        Channel.CreateUnbounded<(SendOrPostCallback, object?)>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>
    /// Runs <paramref name="body"/> and the continuations it posts until its task completes. Whenever no
    /// continuation is queued, <paramref name="dispatchNext"/> may deliver one step outcome, which queues more.
    /// </summary>
    public static async Task<T> RunAsync<T>(Func<Task<T>> body, Func<bool> dispatchNext)
    {
        var context = new WorkflowSynchronizationContext();
        var task = context.Execute(body);
        _ = task.ContinueWith(
            _ => context._queue.Writer.TryComplete(),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

        var reader = context._queue.Reader;
        while (true)
        {
            while (reader.TryRead(out var item))
            {
                context.Execute(() => item.Callback(item.State));
            }

            if (task.IsCompleted)
            {
                break;
            }

            if (context.Execute(dispatchNext))
            {
                continue;
            }

            if (!await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                break;
            }
        }

        return await task.ConfigureAwait(false);
    }

    public override void Post(SendOrPostCallback d, object? state)
    {
        if (!_queue.Writer.TryWrite((d, state)))
        {
            // The run has ended; a late continuation (say, of a timer the code abandoned) runs on the pool.
            ThreadPool.QueueUserWorkItem(_ => d(state));
        }
    }

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("Workflow code cannot block on a synchronous send to its own context.");

    public override SynchronizationContext CreateCopy() => this;

    private TResult Execute<TResult>(Func<TResult> action)
    {
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            return action();
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }

    private void Execute(Action action) => Execute(() =>
    {
        action();
        return true;
    });
}
