using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocialMonitor.Core.Archive;
using SocialMonitor.Core.Records;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Page;

/// <summary>The records screen in Chromium with the demo's data: an export streamed, saved and verified; the legal holds placed and lifted; a manager refused.</summary>
[Collection(PageTests.Name)]
public sealed class RecordsScreenTests(PageFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Export_PostFallsForFiveDays_StreamsDownloadsAZipThatVerifiesAndIsListedAmongThePastExports()
    {
        var (context, page) = await fixture.OpenAsync(next: "/records");
        await using var _ = context;
        await page.WaitForSelectorAsync("#holds-heading");
        var requests = new List<IRequest>();
        page.Request += (_, request) => { if (request.Url.Contains("/api/records/export", StringComparison.Ordinal)) requests.Add(request); };

        await page.SelectOptionAsync("#export-location", "post-falls");
        await page.FillAsync("#export-from", "2026-10-06");
        await page.FillAsync("#export-to", "2026-10-10");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-submit"));
        await page.WaitForSelectorAsync("#export-done");
        var file = Path.Combine(Path.GetTempPath(), $"socialmonitor-page-export-{Guid.NewGuid():N}.zip");
        await download.SaveAsAsync(file);
        try
        {
            var request = Assert.Single(requests);
            Assert.Equal("fetch", request.ResourceType); // Read by the script as it streamed, not by a navigation.
            Assert.Contains("location=post-falls", request.Url, StringComparison.Ordinal);
            Assert.Matches("^records-\\d{8}T\\d{6}Z\\.zip$", download.SuggestedFilename);
            var bytes = await File.ReadAllBytesAsync(file, Ct);
            Assert.Contains($"{download.SuggestedFilename}, {Size(bytes.Length)}", await page.InnerTextAsync("#export-done"), StringComparison.Ordinal);

            await using var zip = File.OpenRead(file);
            var verification = await RecordsVerifier.VerifyAsync(zip, fixture.App.Services.GetRequiredService<ResponseArchive>(), Ct);
            Assert.True(verification.Passed, string.Join("; ", verification.Problems));
            Assert.True(verification.RawCheckedAgainstArchive > 0);
            // And as the person receiving it checks it, with the command line (offline: it has no storage).
            var cli = await CliProcess.RunAsync(new Dictionary<string, string>(), Path.GetTempPath(), "records", "verify", file, "--offline");
            Assert.True(cli.ExitCode == 0, cli.Stderr);
            Assert.Contains($"OK {Path.GetFileName(file)}: {verification.FilesChecked} files match the manifest", cli.Stderr, StringComparison.Ordinal);
            using var read = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            Assert.Contains(read.Entries, e => e.FullName.StartsWith("items/facebook/cln-postfalls-fb/", StringComparison.Ordinal));
            Assert.DoesNotContain(read.Entries, e => e.FullName.StartsWith("items/", StringComparison.Ordinal) && !e.FullName.Contains("postfalls", StringComparison.Ordinal));

            // The new export heads the past exports, with its manifest's SHA-256.
            var sha = verification.ManifestSha256!;
            await page.WaitForSelectorAsync($"#exports-table tbody tr:first-child code:text-is('{sha}')");
            Assert.Contains("location post-falls", await page.InnerTextAsync("#exports-table tbody tr:first-child"), StringComparison.Ordinal);
            await PageChecks.AccessibleAsync(page, "records");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Export_ToBeforeFrom_SaysSoAndStartsNothing()
    {
        var (context, page) = await fixture.OpenAsync(next: "/records");
        await using var _ = context;
        await page.WaitForSelectorAsync("#holds-heading");
        var started = false;
        page.Request += (_, request) => started |= request.Url.Contains("/api/records/export", StringComparison.Ordinal);

        await page.FillAsync("#export-from", "2026-10-10");
        await page.FillAsync("#export-to", "2026-10-06");
        await page.ClickAsync("#export-submit");

        Assert.Equal("The export was not started: “To” is before “From”.", await page.InnerTextAsync("#export-error"));
        Assert.Equal("export-to", await page.EvaluateAsync<string>("document.activeElement.id"));
        Assert.False(started);
        await PageChecks.AccessibleAsync(page, "records-export-error");
    }

    [Fact]
    public async Task Holds_PlacedInTheDialogThenLiftedWithAReason_AsTheApiRecordsThem()
    {
        var (context, page) = await fixture.OpenAsync(next: "/records");
        await using var _ = context;
        await page.WaitForSelectorAsync("#holds-heading");
        var reason = $"Records request {Guid.NewGuid():N}"[..28];

        await page.ClickAsync("#place-hold");
        await page.WaitForSelectorAsync("#place-dialog[open]");
        await PageChecks.AccessibleAsync(page, "records-hold-dialog");
        await page.ClickAsync("#place-dialog button[type=submit]");
        Assert.Equal("Say why the records are held.", await page.InnerTextAsync("#place-dialog-problem"));
        await page.FillAsync("#hold-reason", reason);
        await page.ClickAsync("#place-dialog button[type=submit]");
        // No scope: the API's refusal is shown in the dialog, which stays open.
        await page.WaitForSelectorAsync("#place-dialog-problem:has-text('needs a scope')");
        await PageChecks.AccessibleAsync(page, "records-hold-dialog-error");
        await page.SelectOptionAsync("#hold-location", "post-falls");
        await page.FillAsync("#hold-from", "2026-10-01");
        await page.FillAsync("#hold-to", "2026-10-31");
        await page.ClickAsync("#place-dialog button[type=submit]");
        await page.WaitForSelectorAsync("#hold-done");

        var hold = (await HoldsAsync()).Single(h => h.GetProperty("reason").GetString() == reason);
        var id = hold.GetProperty("id").GetString()!;
        Assert.Equal(("post-falls", "2026-10-01", "2026-10-31"), (hold.GetProperty("location").GetString(), hold.GetProperty("from").GetString(), hold.GetProperty("to").GetString()));
        var row = await page.InnerTextAsync($"#hold-{id}");
        Assert.Contains("Post Falls; 2026-10-01 to 2026-10-31", row, StringComparison.Ordinal);
        Assert.Contains("Active", row, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#place-dialog").CountAsync());

        await page.ClickAsync($"#lift-{id}");
        await page.WaitForSelectorAsync("#lift-dialog[open]");
        await page.ClickAsync("#lift-dialog button[type=submit]");
        Assert.Equal("Say why the hold is lifted.", await page.InnerTextAsync("#lift-dialog-problem"));
        await page.FillAsync("#lift-reason", "Request answered on 2026-11-02");
        await page.ClickAsync("#lift-dialog button[type=submit]");
        await page.WaitForSelectorAsync($"#hold-{id}:has-text('Lifted by')");

        var lifted = (await HoldsAsync()).Single(h => h.GetProperty("id").GetString() == id);
        Assert.Equal("Request answered on 2026-11-02", lifted.GetProperty("liftReason").GetString());
        Assert.Contains("Request answered on 2026-11-02", await page.InnerTextAsync($"#hold-{id}"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator($"#lift-{id}").CountAsync());
        await PageChecks.ScreenshotAsync(page, "records-hold-lifted");
    }

    [Fact]
    public async Task RecordsScreen_Manager_RefusedAndNotInTheirNavigation()
    {
        var (context, page) = await fixture.OpenAsync(key: 1, next: "/findings");
        await using var _ = context;
        await page.WaitForSelectorAsync("#results h2");
        Assert.False(await page.IsVisibleAsync("#nav-records"));

        var response = await page.GotoAsync($"{fixture.Url}/records");

        Assert.Equal((int)HttpStatusCode.Forbidden, response!.Status);
        Assert.Equal("Coordinator only", (await page.InnerTextAsync("main h1")).Trim());
        Assert.Equal(0, await page.Locator("#export-form").CountAsync());
        using var api = fixture.Api(PageFixture.ManagerKey);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/records/holds", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/audit?subject=records", Ct)).StatusCode);
        await PageChecks.AccessibleAsync(page, "records-refused-to-manager");
    }

    /// <summary>A size in the page's words (records.js).</summary>
    private static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} bytes",
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:F1} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:F1} MB"),
    };

    private async Task<List<JsonElement>> HoldsAsync()
    {
        using var api = fixture.Api(PageFixture.CoordinatorKey);
        return [.. (await api.GetFromJsonAsync<JsonElement>("/api/records/holds", Ct)).GetProperty("items").EnumerateArray()];
    }
}
