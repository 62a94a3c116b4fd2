using DaprSync.NetSuiteSapi;

var builder = WebApplication.CreateBuilder(args);
builder.AddNetSuiteSapi();

var app = builder.Build();
app.MapNetSuiteSapi();
app.Run();
