using System.Net.Http.Json;
using DaprSync.NetSuiteEmulator;
using DaprSync.NetSuiteEmulator.Diagnostics;
using DaprSync.NetSuiteEmulator.Records;
using DaprSync.NetSuiteSapi;
using DaprSync.NetSuiteSapi.Auth;
using DaprSync.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace DaprSync.NetSuiteSapi.Tests;

/// <summary>
/// The NetSuite emulator and ns-sapi, each on its own loopback port, with ns-sapi's <c>NetSuite:RestBaseUrl</c>
/// pointing at the emulator. Both sides share one set of sandbox credentials unless a test overrides them.
/// </summary>
internal sealed class NetSuiteTestHost : IAsyncDisposable
{
    public const string AccountId = "1234567_SB1";
    public const string ConsumerKey = "test-consumer-key";
    public const string ConsumerSecret = "test-consumer-secret!";
    public const string TokenId = "test-token-id";
    public const string TokenSecret = "test-token-secret";

    private readonly string _sqlitePath;

    private NetSuiteTestHost(LoopbackApp emulator, LoopbackApp? sapi, string sqlitePath)
    {
        Emulator = emulator;
        Sapi = sapi;
        _sqlitePath = sqlitePath;
        EmulatorClient = CreateSignedClient(emulator.BaseAddress, TimeProvider.System);
        SapiClient = sapi is null ? new HttpClient() : new HttpClient { BaseAddress = sapi.BaseAddress };
    }

    public LoopbackApp Emulator { get; }

    public LoopbackApp? Sapi { get; }

    /// <summary>A client of the emulator that signs every request with the test token.</summary>
    public HttpClient EmulatorClient { get; }

    public HttpClient SapiClient { get; }

    public NetSuiteRecords Records => Emulator.Services.GetRequiredService<NetSuiteRecords>();

    public NetSuiteCallCounter Calls => Emulator.Services.GetRequiredService<NetSuiteCallCounter>();

    public static TbaCredentials Credentials { get; } = new(
        NetSuiteAccount.FromAccountId(AccountId), ConsumerKey, ConsumerSecret, TokenId, TokenSecret);

    /// <summary>Starts the emulator, then ns-sapi unless <paramref name="withSapi"/> is false.</summary>
    public static async Task<NetSuiteTestHost> StartAsync(
        bool withSapi = true,
        TimeProvider? emulatorTime = null,
        IDictionary<string, string?>? sapiSettings = null,
        IDictionary<string, string?>? emulatorSettings = null)
    {
        // The concurrency limit is raised so that tests racing requests on purpose exercise the record store;
        // tests of the limit itself pass NetSuiteEmulator:MaxConcurrentRequests in emulatorSettings.
        var emulatorValues = new Dictionary<string, string?>
        {
            ["NetSuiteEmulator:AccountId"] = AccountId,
            ["NetSuiteEmulator:ConsumerKey"] = ConsumerKey,
            ["NetSuiteEmulator:ConsumerSecret"] = ConsumerSecret,
            ["NetSuiteEmulator:TokenId"] = TokenId,
            ["NetSuiteEmulator:TokenSecret"] = TokenSecret,
            ["NetSuiteEmulator:MaxConcurrentRequests"] = "1000",
        };
        foreach (var (key, value) in emulatorSettings ?? new Dictionary<string, string?>())
        {
            emulatorValues[key] = value;
        }

        var emulator = await LoopbackApp.StartAsync(
            builder =>
            {
                if (emulatorTime is not null)
                {
                    builder.Services.AddSingleton(emulatorTime);
                }

                builder.AddNetSuiteEmulator();
            },
            app => app.MapNetSuiteEmulator(),
            settings: emulatorValues);

        var sqlitePath = Path.Combine(Path.GetTempPath(), $"ns-sapi-tests-{Guid.NewGuid():N}.db");
        if (!withSapi)
        {
            return new NetSuiteTestHost(emulator, null, sqlitePath);
        }

        var settings = SapiSettings(emulator.BaseAddress.ToString(), sqlitePath);
        foreach (var (key, value) in sapiSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var sapi = await LoopbackApp.StartAsync(
            builder => builder.AddNetSuiteSapi(),
            app => app.MapNetSuiteSapi(),
            settings: settings);
        return new NetSuiteTestHost(emulator, sapi, sqlitePath);
    }

    /// <summary>ns-sapi settings for an emulator at <paramref name="restBaseUrl"/>, with the account id in host
    /// form.</summary>
    public static Dictionary<string, string?> SapiSettings(string restBaseUrl, string sqlitePath) => new()
    {
        ["NetSuite:AccountId"] = "1234567-sb1",
        ["NetSuite:ConsumerKey"] = ConsumerKey,
        ["NetSuite:ConsumerSecret"] = ConsumerSecret,
        ["NetSuite:TokenId"] = TokenId,
        ["NetSuite:TokenSecret"] = TokenSecret,
        ["NetSuite:RestBaseUrl"] = restBaseUrl,
        ["NetSuite:RequestTimeoutSeconds"] = "5",
        ["NetSuite:RetryBaseDelayMilliseconds"] = "10",
        ["Runtime:SqlitePath"] = sqlitePath,
    };

    public static HttpClient CreateSignedClient(Uri baseAddress, TimeProvider timeProvider) =>
        new(new TbaHandler(new TbaSigner(Credentials), timeProvider) { InnerHandler = new SocketsHttpHandler() })
        {
            BaseAddress = baseAddress,
        };

    /// <summary>Sends a customer body to the emulator's record API, signed.</summary>
    public Task<HttpResponseMessage> SendRecordAsync(HttpMethod method, string relativePath, object? body) =>
        EmulatorClient.SendAsync(
            new HttpRequestMessage(method, "services/rest/record/v1/" + relativePath)
            {
                Content = body is null ? null : JsonContent.Create(body),
            },
            TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        EmulatorClient.Dispose();
        SapiClient.Dispose();
        if (Sapi is not null)
        {
            await Sapi.DisposeAsync();
        }

        await Emulator.DisposeAsync();
        File.Delete(_sqlitePath);
    }
}
