using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Approvals;
using SocialMonitor.Core.Evaluation;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Notifications;
using SocialMonitor.Core.Queues;
using SocialMonitor.Core.Rules.Governance;
using SocialMonitor.Core.Scanning;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Records;

/// <summary>
/// A staff member's personal account (<c>"use": "personal"</c>): evaluated by the PII rule alone, its findings to the
/// coordinator only, and not read once the consent (its <c>accounts</c> approval) is revoked.
/// </summary>
public sealed class PersonalAccountTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Personal = "staff-sam-fb";

    private const string Accounts = """
        {"coordinator": {"name": "Jordan Avery", "email": "coordinator@example.org", "objectId": null},
         "locations": [
           {"id": "hayden", "name": "Hayden", "managers": [{"name": "Sam Lee", "email": "sam.lee@example.org", "objectId": null}]}],
         "accounts": [
           {"id": "cln-hayden-fb", "platform": "facebook", "platformId": "104000000000099", "handle": "CLNHayden",
            "location": "hayden", "token": "cln-hayden-fb-token", "approvedBy": "coordinator@example.org", "approvedOn": "2026-01-05"},
           {"id": "staff-sam-fb", "platform": "facebook", "platformId": "104000000000097", "handle": "SamReadsBooks", "use": "personal",
            "location": "hayden", "token": "staff-sam-fb-token", "approvedBy": "sam.lee@example.org", "approvedOn": "2026-09-01"}]}
        """;

    /// <summary>A hidden guest comment with a slur-free profanity, an unapproved link and a phone number: four families would fire on an official account.</summary>
    private static readonly Item s_comment = new()
    {
        Id = "7_71", Platform = "facebook", Account = Personal, Kind = ItemKinds.Comment, Origin = ItemOrigins.Guest, Hidden = true,
        Author = new ItemAuthor("9001", "Pat Guest"), Text = "This shitty lot is full, call me at 208-555-0199 or see http://cheap-parking.example.com/deal",
        Links = ["http://cheap-parking.example.com/deal"],
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EvaluateAsync_PersonalAccountsItem_OnlyThePiiRuleRunsAndItsFindingGoesToTheCoordinatorOnly()
    {
        await using var services = await StartAsync();
        var evaluator = services.GetRequiredService<ItemEvaluator>();
        var router = services.GetRequiredService<NotificationRouter>();

        var official = await evaluator.EvaluateAsync(new EvaluateItemMessage(s_comment with { Id = "7_72", Account = "cln-hayden-fb" }, null, [ItemEvents.Hidden]), Ct);
        var personal = await evaluator.EvaluateAsync(new EvaluateItemMessage(s_comment, null, [ItemEvents.Hidden]), Ct);

        Assert.Contains(official, f => f.Family == "conduct");
        Assert.Contains(official, f => f.Family == "link-domain");
        Assert.Contains(official, f => f.Family == "pii");
        var pii = Assert.Single(personal);
        Assert.Equal(("pii.phone", "hayden", Personal), (pii.Rule, pii.Location, pii.Account));
        Assert.DoesNotContain(personal, f => f.Rule == ModerationRule.Rule);

        var officialRoutes = await router.RouteAsync(official.Single(f => f.Family == "pii"), Ct);
        var personalRoutes = await router.RouteAsync(pii, Ct);
        Assert.Equal(["sam.lee@example.org"], officialRoutes.Select(r => r.Person.Email));
        Assert.Equal(["coordinator@example.org"], personalRoutes.Select(r => r.Person.Email));
    }

    [Fact]
    public async Task ScanAsync_PersonalAccountWhoseConsentIsRevoked_IsNotReadEvenAfterTheFileIsImportedAgain()
    {
        await using var services = await StartAsync();
        var approvals = services.GetRequiredService<ApprovalService>();
        var consent = Assert.Single(await approvals.ListAsync(ApprovalKinds.Accounts, new ApprovalActor("cli", null), Ct), a => a.Scope == Personal);
        Assert.Equal(new DateOnly(2026, 9, 1), consent.Date);
        Assert.True((await services.GetRequiredService<AccountRegistry>().GetAccountAsync(Personal, Ct))!.Personal);

        await approvals.RevokeAsync(ApprovalKinds.Accounts, consent.Id, "Sam withdrew consent", new ApprovalActor("coordinator@example.org", null), Ct);
        await services.GetRequiredService<AccountsImporter>().ImportAsync(AccountsFileReader.Read(Accounts), Ct);
        var summary = await services.GetRequiredService<AccountScanner>().ScanAsync(new ScanAccountMessage(Personal), Ct);

        Assert.Equal("personal account without consent", summary.Skipped);
        Assert.Equal((0, 0), (summary.ItemsRead, summary.Calls));
        Assert.DoesNotContain(await approvals.ListAsync(ApprovalKinds.Accounts, new ApprovalActor("cli", null), Ct), a => a.Scope == Personal && a.RevokedAt is null);
    }

    private async Task<ServiceProvider> StartAsync()
    {
        await azurite.ResetAsync(Ct);
        var services = TestHost.Create(azurite);
        var outcome = await services.GetRequiredService<AccountsImporter>().ImportAsync(AccountsFileReader.Read(Accounts), Ct);
        Assert.NotNull(outcome);
        return services;
    }
}
