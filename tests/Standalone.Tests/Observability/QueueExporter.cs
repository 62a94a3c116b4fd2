using System.Collections.Concurrent;
using System.Diagnostics;
using OpenTelemetry;

namespace DaprSync.Standalone.Tests.Observability;

/// <summary>
/// Exporter that collects ended spans in a concurrent queue, so a test can copy them while other apps still end
/// spans. The SDK's in-memory exporter appends to a plain list, which a copy made at that moment can tear.
/// </summary>
internal sealed class QueueExporter(ConcurrentQueue<Activity> spans) : BaseExporter<Activity>
{
    public override ExportResult Export(in Batch<Activity> batch)
    {
        foreach (var span in batch)
        {
            spans.Enqueue(span);
        }

        return ExportResult.Success;
    }
}
