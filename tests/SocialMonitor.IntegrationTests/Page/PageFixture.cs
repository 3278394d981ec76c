using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocialMonitor.Cli.Demo;
using SocialMonitor.Core.Web;
using SocialMonitor.IntegrationTests.Api;

namespace SocialMonitor.IntegrationTests.Page;

/// <summary>
/// One app and one browser for every page test: the demo run end to end on its own Azurite (its findings, items and
/// emails), then served as <c>demo --serve</c> serves it (the page and the API on Kestrel, a free loopback port), and
/// Debian's Chromium driven by Playwright (launched by its path: Playwright's own browser is never downloaded). Each test
/// opens its own browser context (fresh cookies) and signs in with a fresh one-time link.
/// </summary>
public sealed class PageFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string CoordinatorKey = "page-test-coordinator-key-51c0e7";
    public const string ManagerKey = "page-test-hayden-manager-key-9d2a";

    private readonly string _directory = Directory.CreateTempSubdirectory("socialmonitor-page-").FullName;
    private DemoRunner? _demo;
    private WebApplication? _app;
    private IPlaywright? _playwright;

    public string Url { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    public string Outbox => Path.Combine(_directory, "outbox");

    /// <summary>Where the tests save their screenshots: <c>screenshots/</c> in the test output folder.</summary>
    public static string Screenshots { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _demo = await DemoRunner.StartAsync(Outbox, ct, TextWriter.Null);
        await _demo.RunAsync(verbose: false, ct);
        _app = _demo.BuildApi(new ConfigurationBuilder().Build(), CoordinatorKey, ManagerKey, "http://127.0.0.1:0", verbose: false);
        Url = await ApiHost.ListenAsync(_app, ct);

        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"The page tests need Debian's Chromium at {ChromiumPath}: install it with 'apt-get install -y chromium' (.ci/run does).");
        }
        _playwright = await Playwright.CreateAsync();
        try
        {
            // A fresh profile (Playwright's own temporary user-data dir) each launch; no background traffic, which the
            // closed network would refuse.
            Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
            });
        }
        catch (PlaywrightException e)
        {
            throw new InvalidOperationException($"Chromium ({ChromiumPath}) did not start under Playwright: {e.Message}", e);
        }
    }

    /// <summary>The app as <c>demo --serve</c> serves it.</summary>
    public WebApplication App => _app!;

    /// <summary>A fresh one-time sign-in link of the coordinator's key (0) or the Hayden manager's (1), landing on <paramref name="next"/>.</summary>
    public string SignInLink(int key, string next = "/findings") =>
        _app!.Services.GetRequiredService<PageSessions>().CreateLinks(Url, next)[key].Url;

    /// <summary>A new browser context (its own cookies) and page, signed in with the key when one is given.</summary>
    public async Task<(IBrowserContext Context, IPage Page)> OpenAsync(int? key = 0, string next = "/findings", int width = 1280)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 }, TimezoneId = "UTC", Locale = "en-US" });
        // Twice Playwright's 30 s for every wait: the page tests share two cores with the rest of the suite on CI.
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        if (key is { } k)
        {
            await page.GotoAsync(SignInLink(k, next));
            await page.WaitForSelectorAsync("main h1");
        }
        return (context, page);
    }

    public HttpClient Api(string key)
    {
        var client = new HttpClient { BaseAddress = new Uri(Url) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        if (_demo is not null)
        {
            await _demo.DisposeAsync();
        }
        Directory.Delete(_directory, recursive: true);
    }
}
