using DaprSync.NetSuiteEmulator;

var builder = WebApplication.CreateBuilder(args);
builder.AddNetSuiteEmulator();

var app = builder.Build();
app.MapNetSuiteEmulator();
app.Run();
