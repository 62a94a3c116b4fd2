namespace DaprSync.Drills.Tests;

/// <summary>Writes a drill's counts to the test output, one "name: value" line each, so CI logs show them.</summary>
internal static class DrillReport
{
    public static void Write(string drill, params (string Name, object Value)[] counts)
    {
        var lines = counts.Select(count => $"  {count.Name}: {count.Value}");
        var text = $"{drill}{Environment.NewLine}{string.Join(Environment.NewLine, lines)}";
        TestContext.Current.TestOutputHelper?.WriteLine(text);
        Console.WriteLine(text);
    }
}
