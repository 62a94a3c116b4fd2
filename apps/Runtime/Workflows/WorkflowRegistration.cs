using Dapr.Workflow;
using DaprSync.Runtime.Dapr;
using DaprSync.Runtime.InProcess;
using DaprSync.Runtime.InProcess.Workflows;
using DaprSync.Runtime.Workflows;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DaprSync.Runtime;

/// <summary>Registers an app's workflows on the side of the runtime seam that <c>Runtime:Mode</c> selects.</summary>
public static class WorkflowRegistration
{
    /// <summary>
    /// Registers the workflows and activities that <paramref name="configure"/> lists and an
    /// <see cref="IWorkflowScheduler"/>. Under Dapr they go to Dapr Workflow (<c>AddDaprWorkflow</c>) and the
    /// scheduler wraps <see cref="DaprWorkflowClient"/>; in process the scheduler is the
    /// <see cref="InProcessWorkflowRunner"/>, also registered as a hosted service. Call after
    /// <see cref="RuntimeRegistration.AddDaprSyncRuntime"/>, which provides the in-process SQLite database.
    /// </summary>
    public static IHostApplicationBuilder AddDaprSyncWorkflows(
        this IHostApplicationBuilder builder, Action<DaprSyncWorkflowOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        if (builder.Services.Any(service => service.ServiceType == typeof(WorkflowCatalog)))
        {
            // A second catalog would hide the first one's workflows from the runner.
            throw new InvalidOperationException(
                "AddDaprSyncWorkflows was called twice for this app. Register all of the app's workflows and "
                + "activities in one call.");
        }

        var registrations = new DaprSyncWorkflowOptions();
        configure(registrations);
        var catalog = new WorkflowCatalog(registrations);
        builder.Services.AddSingleton(catalog);
        builder.Services.AddOptions<WorkflowRunnerOptions>()
            .Bind(builder.Configuration.GetSection(WorkflowRunnerOptions.SectionName))
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<WorkflowRunnerOptions>, WorkflowRunnerOptionsValidator>());

        var mode = builder.Configuration.GetValue(
            $"{RuntimeOptions.SectionName}:{nameof(RuntimeOptions.Mode)}", RuntimeMode.InProcess);
        if (mode == RuntimeMode.Dapr)
        {
            builder.Services.AddDaprWorkflow(options =>
            {
                foreach (var register in registrations.DaprRegistrations)
                {
                    register(options);
                }
            });
            builder.Services.AddSingleton<IWorkflowScheduler>(services =>
                new DaprWorkflowScheduler(services.GetRequiredService<DaprWorkflowClient>()));
            return builder;
        }

        builder.Services.AddSingleton(services => new InProcessWorkflowRunner(
            services.GetRequiredService<InProcessRuntime>().Database,
            services.GetRequiredService<AppIdentity>().AppId,
            catalog,
            services,
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<IOptions<WorkflowRunnerOptions>>().Value,
            services.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddSingleton<IWorkflowScheduler>(
            services => services.GetRequiredService<InProcessWorkflowRunner>());
        builder.Services.AddHostedService(services => services.GetRequiredService<InProcessWorkflowRunner>());
        return builder;
    }
}
