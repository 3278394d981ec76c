using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocialMonitor.Core.Evaluation;
using SocialMonitor.Core.Queues;

namespace SocialMonitor.IntegrationTests.Page;

/// <summary>
/// The health screen in Chromium on the demo's data: each account's row as the API reports it, an attestation recorded
/// by a manager from the row in two clicks that resolves its <c>governance.attestation-due</c> finding once the evaluator
/// has run, the API's refusal shown in the dialog, and axe on the screen, the dialog and the error.
/// </summary>
[Collection(PageTests.Name)]
public sealed class HealthScreenTests(PageFixture fixture)
{
    private const string HaydenX = "cln-hayden-x";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Coordinator_EachAccountsRow_ShowsWhatTheApiReports()
    {
        var health = await HealthAsync(PageFixture.CoordinatorKey);
        var (context, page) = await fixture.OpenAsync(next: "/health");
        await using var _ = context;
        await page.WaitForSelectorAsync("ul.health");

        var items = health.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(items.Count, await page.Locator("li.health-row").CountAsync());
        foreach (var item in items)
        {
            var account = item.GetProperty("account").GetString()!;
            var row = page.Locator($"[id='health-{account}']");
            Assert.Equal(item.GetProperty("captureFindings").GetArrayLength(), await row.Locator("ul.capture li").CountAsync());
            Assert.Equal(item.GetProperty("attestations").GetArrayLength(), await row.Locator("table.attestations tbody tr").CountAsync());
            var throttled = await row.Locator("dd.throttling").InnerTextAsync();
            Assert.Equal(item.GetProperty("throttledSince").ValueKind == JsonValueKind.Null, throttled == "Not throttled");
            var budget = await row.Locator("dd.budget").InnerTextAsync();
            if (item.GetProperty("budget") is { ValueKind: JsonValueKind.Object } b)
            {
                Assert.StartsWith($"{b.GetProperty("used").GetInt64():N0} of {b.GetProperty("limit").GetInt64():N0} units used this {b.GetProperty("period").GetString()}", budget, StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal("The platform counts no quota or budget for these reads.", budget);
            }
        }
        var youTube = items.First(i => i.GetProperty("platform").GetString() == "youtube");
        // The demo scanned on Oct 15 (Pacific); its clock now stands on Oct 16, a new quota day.
        Assert.Equal(("day", "2026-10-16", 10_000L), (youTube.GetProperty("budget").GetProperty("period").GetString(),
            youTube.GetProperty("budget").GetProperty("periodKey").GetString(), youTube.GetProperty("budget").GetProperty("limit").GetInt64()));
        await PageChecks.AccessibleAsync(page, "health");
    }

    [Fact]
    public async Task Manager_AttestFromTheRow_TwoClicksRecordItAndItsFindingIsResolvedByTheEvaluator()
    {
        var before = Fact(await HealthAsync(PageFixture.ManagerKey), HaydenX, "roles");
        var findingId = before.GetProperty("findingId").GetString()!;
        Assert.Equal("missing", before.GetProperty("status").GetString());
        var (context, page) = await fixture.OpenAsync(key: 1, next: "/health");
        await using var _ = context;
        await page.WaitForSelectorAsync($"#attest-{HaydenX}-roles");
        Assert.Equal(1, await page.Locator($"#attestation-{HaydenX}-roles a[href='/findings/{findingId}']").CountAsync());
        var clicks = 0;
        async Task ClickAsync(string selector)
        {
            clicks++;
            await page.ClickAsync(selector);
        }

        await ClickAsync($"#attest-{HaydenX}-roles");
        await page.WaitForSelectorAsync("#attest-dialog[open]");
        Assert.Equal("attest-statement", await page.EvaluateAsync<string>("document.activeElement.id"));
        await PageChecks.AccessibleAsync(page, "health-attest-dialog");
        await ClickAsync("#attest-dialog button[type=submit]");
        await page.WaitForSelectorAsync("#health-done");

        Assert.Equal(2, clicks);
        var recorded = Fact(await HealthAsync(PageFixture.ManagerKey), HaydenX, "roles");
        Assert.Equal(("attested", "2027-01-14"), (recorded.GetProperty("status").GetString(), recorded.GetProperty("dueOn").GetString()));
        Assert.StartsWith("Checked who holds roles on cln-hayden-x by hand on 2026-10-16", recorded.GetProperty("statement").GetString(), StringComparison.Ordinal);
        // The row is drawn again after the notice: wait for it (Playwright's timeout), then read it.
        var standing = $"#attestation-{HaydenX}-roles td.standing";
        await page.WaitForFunctionAsync("s => document.querySelector(s)?.innerText.trim() === 'Attested'", standing);
        Assert.Equal("Attested", (await page.InnerTextAsync(standing)).Trim());
        Assert.Equal("main", await page.EvaluateAsync<string>("document.activeElement.id")); // its button is gone once attested

        // The functions host runs the evaluate-item queue; here the test plays it.
        await fixture.App.Services.GetRequiredService<QueueDrainer>().DrainAsync(QueueDrainer.AllQueues, Ct);

        using var api = fixture.Api(PageFixture.ManagerKey);
        var finding = await api.GetFromJsonAsync<JsonElement>($"/api/findings/{findingId}", Ct);
        Assert.Equal(("resolved", ItemEvaluator.ReviewResolvedWhy), (finding.GetProperty("status").GetString(), finding.GetProperty("resolution").GetString()));
        var others = (await HealthAsync(PageFixture.ManagerKey)).GetProperty("items").EnumerateArray().Single(i => i.GetProperty("account").GetString() == HaydenX)
            .GetProperty("attestations").EnumerateArray().Where(a => a.GetProperty("fact").GetString() != "roles");
        Assert.All(others, a => Assert.NotEqual(JsonValueKind.Null, a.GetProperty("findingId").ValueKind)); // only the attested fact's finding
        await page.ReloadAsync();
        await page.WaitForSelectorAsync($"#attestation-{HaydenX}-roles");
        Assert.Equal("—", (await page.InnerTextAsync($"#attestation-{HaydenX}-roles td:nth-child(5)")).Trim());
        await PageChecks.ScreenshotAsync(page, "health-attested");
    }

    [Fact]
    public async Task Manager_AttestationTheApiRefuses_ShowsItsReasonInTheDialogAndRecordsNothing()
    {
        var (context, page) = await fixture.OpenAsync(key: 1, next: "/health");
        await using var _ = context;
        await page.WaitForSelectorAsync($"#attest-{HaydenX}-apps");

        await page.ClickAsync($"#attest-{HaydenX}-apps");
        await page.WaitForSelectorAsync("#attest-dialog[open]");
        await page.FillAsync("#attest-due", "2026-01-01");
        await page.ClickAsync("#attest-dialog button[type=submit]");
        await page.WaitForSelectorAsync("#attest-dialog-problem:not(:empty)");

        Assert.StartsWith("Not recorded: The approval is not valid: reviewOn: 2026-01-01 is before the attestation's date 2026-10-16",
            await page.InnerTextAsync("#attest-dialog-problem"), StringComparison.Ordinal);
        Assert.Equal("missing", Fact(await HealthAsync(PageFixture.ManagerKey), HaydenX, "apps").GetProperty("status").GetString());
        await PageChecks.AccessibleAsync(page, "health-attest-error");
        await page.ClickAsync("#attest-dialog button.secondary");
        await page.WaitForSelectorAsync("#attest-dialog", new PageWaitForSelectorOptions { State = WaitForSelectorState.Detached });
        Assert.Equal($"attest-{HaydenX}-apps", await page.EvaluateAsync<string>("document.activeElement.id"));
    }

    private async Task<JsonElement> HealthAsync(string key)
    {
        using var api = fixture.Api(key);
        return await api.GetFromJsonAsync<JsonElement>("/api/health", Ct);
    }

    private static JsonElement Fact(JsonElement health, string account, string fact) =>
        health.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("account").GetString() == account)
            .GetProperty("attestations").EnumerateArray().Single(a => a.GetProperty("fact").GetString() == fact);
}
