using DaprSync.Runtime.Dapr;
using DaprSync.Runtime.Observability.Logging;
using DaprSync.SalesforceSapi;

var builder = WebApplication.CreateBuilder(args);
await builder.AddDaprSyncSecretsAsync(required: ["Salesforce:ClientId"], optional: ["Salesforce:ClientSecret"]);
builder.AddDaprSyncLogging(SalesforceSapiApp.AppId);
builder.AddSalesforceSapi();

var app = builder.Build();
app.UseDaprSyncRequestLogging();
app.MapSalesforceSapi();
await app.RunAsync();
