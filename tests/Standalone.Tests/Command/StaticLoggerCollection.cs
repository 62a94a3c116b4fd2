namespace DaprSync.Standalone.Tests.Command;

/// <summary>
/// Tests that replace Serilog's process-wide <c>Log.Logger</c>, as the command does. They run alone, after the
/// parallel tests, so that no other test's events go to their logger or theirs to another test's capture sink.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class StaticLoggerCollection
{
    public const string Name = "Static Serilog logger";
}
