using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using DaprSync.Contracts;
using DaprSync.Orchestrator.Outcomes;
using DaprSync.SalesforceEmulator.PubSub;
using DaprSync.Standalone.Hosting;
using DaprSync.Standalone.Sandbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DaprSync.Browser.Tests;

/// <summary>
/// The status page in headless Chromium against the sandbox: both emulators and the three apps in this
/// process. An Account with an unknown billing country fails the customer flow; the test fixes the country in
/// the Salesforce emulator and clicks Retry.
/// </summary>
public sealed class StatusPageBrowserTests
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private const string AdminToken = "browser-test-admin-token-0123";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StatusPage_RetryAfterFix_ShowsResolved()
    {
        if (!File.Exists(ChromiumPath))
        {
            Assert.Skip($"{ChromiumPath} is missing; install Debian's chromium package to run browser tests.");
        }

        var directory = Path.Combine(Path.GetTempPath(), $"daprsync-browser-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        await using var emulators = await SandboxEmulators.StartAsync(new ConfigurationBuilder().Build(), Token);
        var settings = new ConfigurationBuilder()
            .AddInMemoryCollection(emulators.AppSettings())
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Admin:ApiToken"] = AdminToken })
            .Build();
        await using var host = await StandaloneHost.StartAsync(
            settings, Path.Combine(directory, "daprsync.db"), cancellationToken: Token);
        var events = emulators.Salesforce.Services.GetRequiredService<PlatformEventBus>();
        await WaitUntilAsync(() => Task.FromResult(events.GetSubscriberCount("/event/AccountsEvent__e") > 0));

        using var loader = await SalesforceLoader.SignInAsync(emulators.SalesforceRestAddress, Token);
        var accountId = await CreateAccountAsync(loader, "Atlantis Trading", "Atlantis");
        var outcomes = host.App(AppIds.Orchestrator).Services.GetRequiredService<SyncOutcomeStore>();
        await WaitUntilAsync(async () => (await outcomes.GetAsync("customer", accountId, Token))?.IsOpenFailure == true);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox"],
        });
        var page = await browser.NewPageAsync();
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync(AdminToken);
        var statusPage = new Uri(host.App(AppIds.Orchestrator).BaseAddress, "status");
        await page.GotoAsync(statusPage.ToString());

        var openRow = page.Locator($"#open-failures tr[data-record=\"{accountId}\"]");
        await Assertions.Expect(openRow).ToBeVisibleAsync();
        await Assertions.Expect(openRow).ToContainTextAsync("Atlantis");

        // The integration user's edit publishes no Platform Event, so only the Retry click can sync the fix.
        await UpdateAsIntegrationUserAsync(emulators, accountId, new JsonObject { ["BillingCountry"] = "Germany" });
        await openRow.GetByRole(AriaRole.Button, new() { Name = "Retry" }).ClickAsync();

        var resolvedRow = page.Locator($"#resolved-failures tr[data-record=\"{accountId}\"]");
        await Assertions.Expect(resolvedRow).ToContainTextAsync(FailureStatus.Resolved);
        await Assertions.Expect(page.Locator("#open-failures-none")).ToBeVisibleAsync();
        var outcome = await outcomes.GetAsync("customer", accountId, Token);
        Assert.Equal(SyncOutcomes.Synced, outcome!.Outcome);
        Assert.NotNull(outcome.NetSuiteId);
    }

    private static async Task<string> CreateAccountAsync(SalesforceLoader loader, string name, string country)
    {
        var record = new JsonObject
        {
            ["attributes"] = new JsonObject { ["type"] = "Account", ["referenceId"] = "ref1" },
            ["Name"] = name,
            ["BillingStreet"] = "1 Harbour Road",
            ["BillingCity"] = "Poseidonia",
            ["BillingCountry"] = country,
        };
        var ids = await loader.CreateTreeAsync("Account", [record], Token);
        return ids["ref1"];
    }

    private static async Task UpdateAsIntegrationUserAsync(SandboxEmulators emulators, string accountId, JsonObject fields)
    {
        var appSettings = emulators.AppSettings();
        using var login = new HttpClient { BaseAddress = emulators.SalesforceRestAddress };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = appSettings["Salesforce:ClientId"]!,
            ["client_secret"] = appSettings["Salesforce:ClientSecret"]!,
        });
        using var tokenResponse = await login.PostAsync(new Uri("services/oauth2/token", UriKind.Relative), form, Token);
        tokenResponse.EnsureSuccessStatusCode();
        using var tokenBody = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync(Token));
        var accessToken = tokenBody.RootElement.GetProperty("access_token").GetString();

        using var rest = new HttpClient { BaseAddress = emulators.SalesforceRestAddress };
        rest.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var content = JsonContent.Create(fields);
        var path = $"services/data/{SalesforceLoader.ApiVersion}/sobjects/Account/{accountId}";
        using var response = await rest.PatchAsync(new Uri(path, UriKind.Relative), content, Token);
        response.EnsureSuccessStatusCode();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The sandbox did not reach the expected state within 30 s.");
            }

            await Task.Delay(50, Token);
        }
    }
}
