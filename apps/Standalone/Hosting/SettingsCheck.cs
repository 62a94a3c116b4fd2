using System.Text.RegularExpressions;
using DaprSync.Runtime;
using DaprSync.Runtime.Observability.Logging;
using Serilog.Events;

namespace DaprSync.Standalone.Hosting;

/// <summary>
/// Checks of settings that the options validators do not cover, and the one-line messages the command prints
/// for settings that fail, so a wrong value exits 2 with its key instead of a stack trace.
/// </summary>
public static partial class SettingsCheck
{
    public const string Heading =
        "Invalid settings (set them in appsettings.json or as DAPRSYNC__Section__Key environment variables):";

    /// <summary>
    /// Returns the errors of the settings every command reads before it starts an app: <c>Logging:Format</c>,
    /// <c>Logging:MinimumLevel</c> and <c>Runtime:Mode</c>.
    /// </summary>
    public static IReadOnlyList<string> FindErrors(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var errors = new List<string>();
        CheckEnum<LogFormat>(configuration, DaprSyncLogging.FormatKey, errors);
        CheckEnum<LogEventLevel>(configuration, DaprSyncLogging.MinimumLevelKey, errors);
        CheckEnum<RuntimeMode>(configuration, RuntimeModeKey, errors);
        return errors;
    }

    public const string RuntimeModeKey = "Runtime:Mode";

    /// <summary>
    /// Describes a value the configuration binder failed to convert as "Key: 'value' is not a valid Type.",
    /// or returns false for any other exception.
    /// </summary>
    public static bool TryDescribeConversion(Exception exception, out string message)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (var current = exception; current is not null; current = current.InnerException)
        {
            // NOTE: the pattern matches the message of Microsoft.Extensions.Configuration.Binder 10. If a later
            // version rewords it, the failure is no longer recognized and the command ends with the exception.
            var match = ConversionFailure().Match(current.Message);
            if (current is InvalidOperationException && match.Success)
            {
                var type = match.Groups["type"].Value;
                message = $"{match.Groups["key"].Value}: '{match.Groups["value"].Value}' is not a valid " +
                    $"{type[(type.LastIndexOf('.') + 1)..]}.";
                return true;
            }
        }

        message = "";
        return false;
    }

    /// <summary>Writes the heading and one indented line per failure.</summary>
    public static void Print(IEnumerable<string> failures, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(failures);
        ArgumentNullException.ThrowIfNull(error);
        error.WriteLine(Heading);
        foreach (var failure in failures)
        {
            error.WriteLine($"  {failure}");
        }
    }

    private static void CheckEnum<T>(IConfiguration configuration, string key, List<string> errors)
        where T : struct, Enum
    {
        var text = configuration[key];
        if (!string.IsNullOrWhiteSpace(text)
            && !(Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value)))
        {
            errors.Add($"{key}: '{text}' is invalid, expected one of {string.Join(", ", Enum.GetNames<T>())}.");
        }
    }

    [GeneratedRegex(@"^Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex ConversionFailure();
}
