using DaprSync.SalesforceEmulator;

var builder = WebApplication.CreateBuilder(args);
builder.AddSalesforceEmulator();

var app = builder.Build();
app.MapSalesforceEmulator();
app.Run();
