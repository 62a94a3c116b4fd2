using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DaprSync.SalesforceEmulator;
using DaprSync.SalesforceEmulator.Auth;
using DaprSync.SalesforceEmulator.Limits;
using DaprSync.SalesforceEmulator.Records;
using DaprSync.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace DaprSync.SalesforceSapi.Tests;

/// <summary>A Salesforce emulator on loopback with helpers to authenticate and call its REST API.</summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    public const string IntegrationClientId = "daprsync-integration";
    public const string IntegrationClientSecret = "daprsync-integration-secret";
    public const string LoaderClientId = "daprsync-loader";
    public const string LoaderClientSecret = "daprsync-loader-secret";
    public const string DataPath = "services/data/v62.0/";

    private EmulatorHost(LoopbackApp app)
    {
        App = app;
    }

    public LoopbackApp App { get; }

    public Uri BaseAddress => App.BaseAddress;

    public SalesforceRecords Records => App.Services.GetRequiredService<SalesforceRecords>();

    public SessionStore Sessions => App.Services.GetRequiredService<SessionStore>();

    public ApiUsage Usage => App.Services.GetRequiredService<ApiUsage>();

    public static async Task<EmulatorHost> StartAsync(
        Action<WebApplicationBuilder>? configure = null,
        IDictionary<string, string?>? settings = null)
    {
        var app = await LoopbackApp.StartAsync(
            builder =>
            {
                builder.AddSalesforceEmulator();
                configure?.Invoke(builder);
            },
            app => app.MapSalesforceEmulator(),
            settings: settings);
        return new EmulatorHost(app);
    }

    /// <summary>Posts a client credentials token request and returns the raw response.</summary>
    public async Task<HttpResponseMessage> RequestTokenAsync(string clientId, string clientSecret)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
        });
        return await client.PostAsync(new Uri("services/oauth2/token", UriKind.Relative), form, Cancel);
    }

    /// <summary>Returns a REST API client authenticated as the integration client or the loader client.</summary>
    public async Task<HttpClient> CreateRestClientAsync(bool asIntegrationUser = true)
    {
        var (clientId, secret) = asIntegrationUser
            ? (IntegrationClientId, IntegrationClientSecret)
            : (LoaderClientId, LoaderClientSecret);
        using var response = await RequestTokenAsync(clientId, secret);
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<JsonObject>(Cancel);

        var client = new HttpClient { BaseAddress = new Uri(BaseAddress, DataPath) };
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", token!["access_token"]!.GetValue<string>());
        return client;
    }

    /// <summary>Creates a record over REST and returns its id, failing the test on any error.</summary>
    public static async Task<string> CreateAsync(HttpClient rest, string sObjectType, object fields)
    {
        using var response = await rest.PostAsJsonAsync($"sobjects/{sObjectType}", fields, Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.IsSuccessStatusCode, $"Create {sObjectType} failed: {body}");
        return JsonNode.Parse(body)!["id"]!.GetValue<string>();
    }

    public static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
