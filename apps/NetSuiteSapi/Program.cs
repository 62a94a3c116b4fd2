using DaprSync.NetSuiteSapi;
using DaprSync.Runtime.Dapr;
using DaprSync.Runtime.Observability.Logging;

var builder = WebApplication.CreateBuilder(args);
await builder.AddDaprSyncSecretsAsync(required:
[
    "NetSuite:AccountId", "NetSuite:ConsumerKey", "NetSuite:ConsumerSecret", "NetSuite:TokenId", "NetSuite:TokenSecret",
]);
builder.AddDaprSyncLogging(NetSuiteSapiApp.AppId);
builder.AddNetSuiteSapi();

var app = builder.Build();
app.UseDaprSyncRequestLogging();
app.MapNetSuiteSapi();
await app.RunAsync();
