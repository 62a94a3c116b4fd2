using DaprSync.Orchestrator;
using DaprSync.Runtime.Dapr;
using DaprSync.Runtime.Observability.Logging;

var builder = WebApplication.CreateBuilder(args);

// SMTP is optional: without it the pollers log their failure reports instead of mailing them.
await builder.AddDaprSyncSecretsAsync(required: [], optional: ["Smtp:Username", "Smtp:Password"]);
builder.AddDaprSyncLogging(OrchestratorApp.AppId);
builder.AddOrchestrator();

var app = builder.Build();
app.UseDaprSyncRequestLogging();
app.MapOrchestrator();
await app.RunAsync();
