using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace SocialMonitor.IntegrationTests.Page;

/// <summary>
/// The approvals screen in Chromium on the demo's data: add and revoke an approval of each kind (the revocation with its
/// reason and the approval's ETag), a manager's tabs and the API's refusal of an administrator-level role, what falls
/// due in the next 30 days, the ARIA tabs by keyboard, and axe on the screen, a dialog and an error.
/// </summary>
[Collection(PageTests.Name)]
public sealed class ApprovalsScreenTests(PageFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Each kind's fields as the dialog names them (its element ids), with values no other page test uses.</summary>
    public static TheoryData<string, string, string[]> Kinds => new()
    {
        { "links", "all", ["add-links-match=domain", "add-links-value=pagetest-approvals.org"] },
        { "accounts", "cln-bookmobile-fb", [] },
        { "access", "cln-hayden-fb", ["add-access-value=pagetest.volunteer@example.org", "add-access-person=Page Test Volunteer", "add-access-role=MODERATE"] },
        { "apps", "cln-hayden-fb", ["add-apps-value=pagetest-app-1", "add-apps-appName=Page Test Scheduler"] },
        { "attestations", "cln-athol-fb", ["add-attestations-value=roles", "add-attestations-statement=Checked the Page's roles by hand: only the approved staff."] },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Coordinator_AddThenRevoke_EachKind(string kind, string scope, string[] fields)
    {
        var (context, page) = await fixture.OpenAsync(next: $"/approvals?kind={kind}");
        await using var _ = context;
        await page.WaitForSelectorAsync($"#tab-{kind}[aria-selected=true]");
        var before = (await ListAsync(kind)).Select(a => a.GetProperty("id").GetString()).ToHashSet();

        await page.ClickAsync($"#add-{kind}");
        await page.WaitForSelectorAsync("#add-dialog[open]");
        await page.SelectOptionAsync($"#add-{kind}-scope", scope);
        foreach (var (control, value) in fields.Select(f => (f[..f.IndexOf('=')], f[(f.IndexOf('=') + 1)..])))
        {
            if (await page.Locator($"select#{control}").CountAsync() > 0)
            {
                await page.SelectOptionAsync($"#{control}", value);
            }
            else
            {
                await page.FillAsync($"#{control}", value);
            }
        }
        await page.ClickAsync("#add-dialog button[type=submit]");
        await page.WaitForSelectorAsync("#approvals-done");
        var added = Assert.Single(await ListAsync(kind), a => !before.Contains(a.GetProperty("id").GetString()));
        var id = added.GetProperty("id").GetString()!;
        Assert.Equal((scope, true), (added.GetProperty("scope").GetString(), added.GetProperty("inForce").GetBoolean()));
        Assert.Equal(1, await page.Locator($"#approval-{id}").CountAsync());

        var sent = new List<IRequest>();
        page.Request += (_, request) => { if (request.Method == "DELETE") sent.Add(request); };
        await page.ClickAsync($"#revoke-{id}");
        await page.WaitForSelectorAsync("#revoke-dialog[open]");
        await page.FillAsync("#revoke-reason", "Added by the page test: taken back");
        await page.ClickAsync("#revoke-dialog button[type=submit]");
        await page.WaitForSelectorAsync($"#approval-{id}:has-text('Revoked by')");

        var revoked = Assert.Single(await ListAsync(kind), a => a.GetProperty("id").GetString() == id);
        Assert.Equal(("Added by the page test: taken back", false), (revoked.GetProperty("revokedReason").GetString(), revoked.GetProperty("inForce").GetBoolean()));
        Assert.Equal(added.GetProperty("etag").GetString(), await Assert.Single(sent).HeaderValueAsync("if-match"));
        Assert.Equal(0, await page.Locator($"#revoke-{id}").CountAsync());
        Assert.Equal("main", await page.EvaluateAsync<string>("document.activeElement.id")); // its button is gone: focus on the screen
    }

    [Fact]
    public async Task Coordinator_Screen_TabsByKeyboardAndAccessibleWithDataADialogAndAnError()
    {
        var (context, page) = await fixture.OpenAsync(next: "/approvals");
        await using var _ = context;
        await page.WaitForSelectorAsync("#tab-links[aria-selected=true]");

        Assert.Equal(["tab-links", "tab-accounts", "tab-access", "tab-apps", "tab-attestations"],
            await page.Locator("[role=tab]").EvaluateAllAsync<string[]>("tabs => tabs.map(t => t.id)"));
        await page.FocusAsync("#tab-links");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight");
        Assert.Equal("tab-access", await page.EvaluateAsync<string>("document.activeElement.id"));
        Assert.Equal("true", await page.GetAttributeAsync("#tab-access", "aria-selected"));
        Assert.True(await page.IsVisibleAsync("#panel-access"));
        Assert.False(await page.IsVisibleAsync("#panel-links"));
        Assert.EndsWith("?kind=access", page.Url, StringComparison.Ordinal);
        Assert.True(await page.Locator("#table-access tbody tr").CountAsync() >= 20, "the demo's access approvals");
        await page.Keyboard.PressAsync("End");
        Assert.Equal("tab-attestations", await page.EvaluateAsync<string>("document.activeElement.id"));
        await PageChecks.AccessibleAsync(page, "approvals");

        await page.ClickAsync("#add-attestations");
        await page.WaitForSelectorAsync("#add-dialog[open]");
        Assert.Equal("add-attestations-scope", await page.EvaluateAsync<string>("document.activeElement.id"));
        await PageChecks.AccessibleAsync(page, "approvals-add-dialog");
        await page.FillAsync("#add-attestations-statement", "Checked by hand.");
        await page.FillAsync("#add-attestations-reviewOn", "2026-01-01");
        await page.ClickAsync("#add-dialog button[type=submit]");
        await page.WaitForSelectorAsync("#add-dialog-problem:not(:empty)");
        var problem = await page.InnerTextAsync("#add-dialog-problem");
        Assert.Contains("Not approved: The approval is not valid: reviewOn: 2026-01-01 is before the attestation's date 2026-10-16", problem, StringComparison.Ordinal);
        await PageChecks.AccessibleAsync(page, "approvals-add-error");
        await page.Keyboard.PressAsync("Escape");
        await page.WaitForSelectorAsync("#add-dialog", new PageWaitForSelectorOptions { State = WaitForSelectorState.Detached });
        Assert.Equal("add-attestations", await page.EvaluateAsync<string>("document.activeElement.id"));
    }

    [Fact]
    public async Task Manager_AdministratorLevelRole_RefusedWithTheApisReasonAndNothingStored()
    {
        var (context, page) = await fixture.OpenAsync(key: 1, next: "/approvals");
        await using var _ = context;
        await page.WaitForSelectorAsync("#tab-access[aria-selected=true]");

        Assert.Equal(["tab-access", "tab-attestations"], await page.Locator("[role=tab]").EvaluateAllAsync<string[]>("tabs => tabs.map(t => t.id)"));
        Assert.Contains("Only the coordinator manages", await page.InnerTextAsync("#refused-kinds"), StringComparison.Ordinal);
        Assert.All(await page.Locator("#table-access tbody tr td:nth-child(2)").AllInnerTextsAsync(), scope => Assert.StartsWith("cln-hayden-", scope, StringComparison.Ordinal));
        await page.ClickAsync("#add-access");
        await page.WaitForSelectorAsync("#add-dialog[open]");
        await page.SelectOptionAsync("#add-access-scope", "cln-hayden-fb");
        await page.FillAsync("#add-access-value", "pagetest.admin@example.org");
        await page.FillAsync("#add-access-person", "Page Test Admin");
        await page.FillAsync("#add-access-role", "MANAGE");
        await page.ClickAsync("#add-dialog button[type=submit]");
        await page.WaitForSelectorAsync("#add-dialog-problem:not(:empty)");

        Assert.Equal("Not approved: Only the coordinator approves an administrator-level role (MANAGE on facebook) or a shared login.",
            await page.InnerTextAsync("#add-dialog-problem"));
        Assert.DoesNotContain(await ListAsync("access"), a => a.GetProperty("value").GetString() == "pagetest.admin@example.org");
        await PageChecks.AccessibleAsync(page, "approvals-manager-refused");
    }

    [Fact]
    public async Task DueList_NextThirtyDays_ListsWhatFallsDueSoonestFirstAndNothingLater()
    {
        using var api = fixture.Api(PageFixture.CoordinatorKey);
        async Task<string> AddAsync(string person, string reviewOn)
        {
            var answer = await api.PostAsJsonAsync("/api/approvals/access",
                new { scope = "cln-rathdrum-fb", value = $"{person}@example.org", person, role = "MODERATE", reviewOn }, Ct);
            answer.EnsureSuccessStatusCode();
            return (await answer.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
        }
        var soon = await AddAsync("pagetest-due-soon", "2026-10-26");
        var later = await AddAsync("pagetest-due-later", "2026-12-20");
        var (context, page) = await fixture.OpenAsync(next: "/approvals");
        await using var _ = context;
        await page.WaitForSelectorAsync("#due-heading");

        var due = await page.Locator("#due-list li").AllInnerTextsAsync();
        var line = Assert.Single(due, l => l.Contains(soon, StringComparison.Ordinal));
        Assert.StartsWith("2026-10-26: Access", line, StringComparison.Ordinal);
        Assert.EndsWith("is due for review", line, StringComparison.Ordinal);
        Assert.DoesNotContain(due, l => l.Contains(later, StringComparison.Ordinal));
        Assert.Equal(due.Order(StringComparer.Ordinal), due);
        await PageChecks.ScreenshotAsync(page, "approvals-due");
    }

    private async Task<IReadOnlyList<JsonElement>> ListAsync(string kind)
    {
        using var api = fixture.Api(PageFixture.CoordinatorKey);
        var list = await api.GetFromJsonAsync<JsonElement>($"/api/approvals/{kind}", Ct);
        return [.. list.GetProperty("items").EnumerateArray()];
    }
}
