using Microsoft.Extensions.Options;

namespace DaprSync.NetSuiteSapi.Concurrency;

/// <summary>Which waiting request takes the next free slot of the <see cref="NetSuiteRequestGate"/>.</summary>
public enum RequestPriority
{
    /// <summary>Waits in arrival order.</summary>
    Normal,

    /// <summary>Goes before every normal request that waits, in arrival order among its kind.</summary>
    Urgent,
}

/// <summary>
/// The one gate that every NetSuite client of this process (REST record API, SuiteQL, SOAP) waits on, so together
/// they never have more than <see cref="NetSuiteConcurrencyOptions.MaxConcurrentRequests"/> requests in flight.
/// Waiting requests get free slots in arrival order, except that urgent ones go first. The read that finishes
/// orders already written must not queue behind every write that starts a new one, because the orders it would
/// finish would then wait for the whole queue.
/// </summary>
public sealed class NetSuiteRequestGate(IOptions<NetSuiteConcurrencyOptions> options)
{
    private readonly Lock _sync = new();
    private readonly LinkedList<TaskCompletionSource> _urgent = new();
    private readonly LinkedList<TaskCompletionSource> _normal = new();
    private int _inUse;

    /// <summary>Maximum requests in flight (<c>NetSuite:MaxConcurrentRequests</c>).</summary>
    public int Limit { get; } = options.Value.MaxConcurrentRequests;

    /// <summary>Requests holding a slot now.</summary>
    public int InUse
    {
        get
        {
            lock (_sync)
            {
                return _inUse;
            }
        }
    }

    /// <summary>Requests waiting for a slot now.</summary>
    public int Waiting
    {
        get
        {
            lock (_sync)
            {
                return _urgent.Count + _normal.Count;
            }
        }
    }

    /// <summary>True when a request would get a slot at once.</summary>
    public bool IsIdle
    {
        get
        {
            lock (_sync)
            {
                return _inUse < Limit && _urgent.Count + _normal.Count == 0;
            }
        }
    }

    /// <summary>Waits for a free slot in arrival order; dispose the result to release it.</summary>
    public Task<IDisposable> EnterAsync(CancellationToken cancellationToken) =>
        EnterAsync(RequestPriority.Normal, cancellationToken);

    /// <summary>Waits for a free slot; dispose the result to release it.</summary>
    public async Task<IDisposable> EnterAsync(RequestPriority priority, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        LinkedListNode<TaskCompletionSource> node;
        lock (_sync)
        {
            if (_inUse < Limit && _urgent.Count + _normal.Count == 0)
            {
                _inUse++;
                return new Slot(this);
            }

            var queue = priority == RequestPriority.Urgent ? _urgent : _normal;
            node = queue.AddLast(new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }

        // A slot handed over before the cancellation is kept: Release removes the node under the same lock.
        await using (cancellationToken.Register(() => Cancel(node, cancellationToken)))
        {
            await node.Value.Task;
        }

        return new Slot(this);
    }

    private void Cancel(LinkedListNode<TaskCompletionSource> node, CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            if (node.List is null)
            {
                return;
            }

            node.List.Remove(node);
        }

        node.Value.TrySetCanceled(cancellationToken);
    }

    // Hands the slot to the first urgent waiter, else the first normal one, else frees it.
    private void Release()
    {
        TaskCompletionSource? next = null;
        lock (_sync)
        {
            LinkedList<TaskCompletionSource>? queue = null;
            if (_urgent.Count > 0)
            {
                queue = _urgent;
            }
            else if (_normal.Count > 0)
            {
                queue = _normal;
            }

            if (queue is null)
            {
                _inUse--;
            }
            else
            {
                next = queue.First!.Value;
                queue.RemoveFirst();
            }
        }

        next?.TrySetResult();
    }

    private sealed class Slot(NetSuiteRequestGate gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}

/// <summary>Holds a gate slot for the duration of one HTTP attempt, not during the retry delays around it.</summary>
public sealed class ConcurrencyLimitHandler(NetSuiteRequestGate gate) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request,
        CancellationToken cancellationToken)
    {
        using var slot = await gate.EnterAsync(cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }
}
