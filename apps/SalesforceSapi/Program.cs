using DaprSync.SalesforceSapi;

var builder = WebApplication.CreateBuilder(args);
builder.AddSalesforceSapi();

var app = builder.Build();
app.MapSalesforceSapi();
app.Run();
