namespace DaprSync.Orchestrator.Notifications;

/// <summary>Registers the failure digest: its settings, the sender and the hosted service that times it.</summary>
public static class DigestRegistration
{
    public static WebApplicationBuilder AddFailureDigest(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.AddOptions<DigestOptions>()
            .Bind(builder.Configuration.GetSection(DigestOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<DigestSender>();
        builder.Services.AddHostedService<DigestService>();
        return builder;
    }
}
