using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace DaprSync.Benchmarks.Reporting;

/// <summary>One measured or derived value of a scenario, with its unit and how it was obtained.</summary>
public sealed record Figure(string Name, double Value, string Unit, string? Note = null);

/// <summary>The machine a scenario ran on, as reported to the process by the runtime.</summary>
public sealed record MachineInfo(int Processors, double MemoryGiB, string OperatingSystem, string Runtime)
{
    public static MachineInfo Current() => new(
        Environment.ProcessorCount,
        Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024), 1),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription);
}

/// <summary>A scenario's figures, printed as a table and written as JSON and Markdown.</summary>
public sealed record BenchmarkReport(
    string Scenario,
    DateTimeOffset StartedAt,
    MachineInfo Machine,
    IReadOnlyDictionary<string, string> Settings,
    IReadOnlyList<Figure> Figures,
    IReadOnlyList<string> Notes)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The command line that produced the report.</summary>
    public string? Command { get; init; }

    /// <summary>The git commit of the code that ran, from <see cref="SourceVersion.Describe"/>.</summary>
    public string? Commit { get; init; }

    /// <summary>Writes <c>{scenario}.json</c> and <c>{scenario}.md</c> into <paramref name="directory"/> and returns
    /// their paths.</summary>
    public async Task<(string Json, string Markdown)> WriteAsync(string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var json = Path.Combine(directory, $"{Scenario}.json");
        var markdown = Path.Combine(directory, $"{Scenario}.md");
        await File.WriteAllTextAsync(json, JsonSerializer.Serialize(this, JsonOptions), cancellationToken);
        await File.WriteAllTextAsync(markdown, ToMarkdown(), cancellationToken);
        return (json, markdown);
    }

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"## {Scenario}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Run {StartedAt:yyyy-MM-dd HH:mm} UTC on {Machine.Processors} processors, {Machine.MemoryGiB} GiB, "
            + $"{Machine.OperatingSystem}, {Machine.Runtime}.");
        if (Command is not null)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"Command: `{Command}`, at commit {Commit ?? "unknown"}.");
        }

        text.AppendLine();
        text.AppendLine("| setting | value |");
        text.AppendLine("|---------|-------|");
        foreach (var (key, value) in Settings)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {key} | {value} |");
        }

        text.AppendLine();
        text.AppendLine("| figure | value | unit | how |");
        text.AppendLine("|--------|------:|------|-----|");
        foreach (var figure in Figures)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {figure.Name} | {Format(figure.Value)} | {figure.Unit} | {figure.Note} |");
        }

        if (Notes.Count > 0)
        {
            text.AppendLine();
            foreach (var note in Notes)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
            }
        }

        return text.ToString();
    }

    /// <summary>Prints the figures as aligned plain text.</summary>
    public void Print(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine($"{Scenario} ({Machine.Processors} processors, {Machine.MemoryGiB} GiB, {Machine.Runtime})");
        var width = Figures.Count == 0 ? 10 : Figures.Max(figure => figure.Name.Length);
        foreach (var figure in Figures)
        {
            output.WriteLine($"  {figure.Name.PadRight(width)}  {Format(figure.Value),14} {figure.Unit}");
        }

        foreach (var note in Notes)
        {
            output.WriteLine($"  note: {note}");
        }
    }

    private static string Format(double value)
    {
        if (value == Math.Floor(value) && Math.Abs(value) < 1e12)
        {
            return value.ToString("N0", CultureInfo.InvariantCulture);
        }

        // Four significant digits below 1, so that 0.0061 calls per record does not print as 0.01.
        return Math.Abs(value) < 1
            ? value.ToString("0.####", CultureInfo.InvariantCulture)
            : value.ToString("N2", CultureInfo.InvariantCulture);
    }
}
