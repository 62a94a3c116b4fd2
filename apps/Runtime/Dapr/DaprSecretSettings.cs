using Dapr.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DaprSync.Runtime.Dapr;

/// <summary>One setting read from the Dapr secret store: the secret's name and the key inside it.</summary>
public sealed record SecretMapping(string Setting, string SecretName, string SecretKey, bool Required);

/// <summary>
/// Loads an app's credentials from the Dapr secret store at startup, when <c>Runtime:Mode</c> is <c>Dapr</c>.
/// By default the secret and its key are both named like the setting (<c>Salesforce:ClientSecret</c>), which
/// is how the local file store reads <c>components/secrets.local.json</c> with the <c>:</c> separator.
/// Entries of <c>Runtime:SecretStore:Map</c> (<c>Setting</c>, <c>Secret</c>, <c>Key</c>) name other secrets.
/// </summary>
public static class DaprSecretSettings
{
    public const string SectionName = "Runtime:SecretStore";

    /// <summary>Name of the secret store component when <c>Runtime:SecretStore:Name</c> is not set.</summary>
    public const string DefaultStoreName = "secretstore";

    /// <summary>
    /// Reads <paramref name="required"/> and <paramref name="optional"/> settings from the secret store and
    /// adds them to the configuration. A setting that already has a value, for example from an environment
    /// variable, keeps it. It does nothing in process or when
    /// <c>Runtime:SecretStore:Enabled</c> is <c>false</c>. A required setting that neither the store nor the
    /// configuration has fails startup, naming the setting, the secret and the store.
    /// </summary>
    public static async Task AddDaprSyncSecretsAsync(
        this IHostApplicationBuilder builder,
        IReadOnlyList<string> required,
        IReadOnlyList<string>? optional = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(required);
        var configuration = builder.Configuration;
        if (configuration.GetValue($"{RuntimeOptions.SectionName}:Mode", RuntimeMode.InProcess) != RuntimeMode.Dapr
            || !configuration.GetValue($"{SectionName}:Enabled", true))
        {
            return;
        }

        var store = configuration[$"{SectionName}:Name"] is { Length: > 0 } name ? name : DefaultStoreName;
        var timeout = TimeSpan.FromSeconds(configuration.GetValue($"{SectionName}:SidecarTimeoutSeconds", 60));
        using var client = new DaprClientBuilder().Build();
        var values = await LoadAsync(
            client, store, MappingsFor(configuration, required, optional ?? []), configuration, timeout, cancellationToken);
        configuration.AddInMemoryCollection(values);
    }

    /// <summary>
    /// Waits for the sidecar, reads every secret of <paramref name="store"/> in one call and returns the
    /// settings that <paramref name="mappings"/> name and <paramref name="current"/> does not set yet.
    /// </summary>
    /// <exception cref="OptionsValidationException">A required setting has no value anywhere.</exception>
    /// <exception cref="TimeoutException">The sidecar was not ready within <paramref name="sidecarTimeout"/>.</exception>
    public static async Task<IReadOnlyDictionary<string, string?>> LoadAsync(
        DaprClient client,
        string store,
        IReadOnlyList<SecretMapping> mappings,
        IConfiguration current,
        TimeSpan sidecarTimeout,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(store);
        ArgumentNullException.ThrowIfNull(mappings);
        ArgumentNullException.ThrowIfNull(current);

        using (var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            wait.CancelAfter(sidecarTimeout);
            try
            {
                await client.WaitForSidecarAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException(
                    $"The Dapr sidecar was not ready within {sidecarTimeout.TotalSeconds} s, so the secrets of "
                    + $"store '{store}' could not be read. Check that daprd runs next to the app.");
            }
        }

        var secrets = await client.GetBulkSecretAsync(store, cancellationToken: cancellationToken);
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var missing = new List<string>();
        foreach (var mapping in mappings)
        {
            if (!string.IsNullOrEmpty(current[mapping.Setting]))
            {
                continue;
            }

            if (secrets.TryGetValue(mapping.SecretName, out var secret)
                && secret.TryGetValue(mapping.SecretKey, out var value)
                && !string.IsNullOrEmpty(value))
            {
                values[mapping.Setting] = value;
            }
            else if (mapping.Required)
            {
                missing.Add($"{mapping.Setting} is missing: secret store '{store}' has no secret '{mapping.SecretName}' "
                    + $"with key '{mapping.SecretKey}'. Add it to the store or map the setting under {SectionName}:Map.");
            }
        }

        return missing.Count > 0
            ? throw new OptionsValidationException(store, typeof(SecretMapping), missing)
            : values;
    }

    /// <summary>Builds the mappings of the named settings, applying the overrides under <c>Runtime:SecretStore:Map</c>.</summary>
    public static IReadOnlyList<SecretMapping> MappingsFor(
        IConfiguration configuration,
        IReadOnlyList<string> required,
        IReadOnlyList<string> optional)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var overrides = configuration.GetSection($"{SectionName}:Map").GetChildren()
            .Where(entry => !string.IsNullOrWhiteSpace(entry["Setting"]))
            .ToDictionary(entry => entry["Setting"]!, StringComparer.OrdinalIgnoreCase);
        return required.Select(setting => Mapping(setting, true))
            .Concat(optional.Select(setting => Mapping(setting, false)))
            .ToList();

        SecretMapping Mapping(string setting, bool isRequired)
        {
            if (!overrides.TryGetValue(setting, out var entry))
            {
                return new SecretMapping(setting, setting, setting, isRequired);
            }

            var secretName = entry["Secret"] is { Length: > 0 } secret ? secret : setting;
            return new SecretMapping(setting, secretName, entry["Key"] is { Length: > 0 } key ? key : secretName, isRequired);
        }
    }
}
