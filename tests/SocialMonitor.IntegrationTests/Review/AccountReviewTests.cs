using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Approvals;
using SocialMonitor.Core.Evaluation;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Notifications;
using SocialMonitor.Core.Queues;
using SocialMonitor.Core.Review;
using SocialMonitor.Core.Rules.Branding;
using SocialMonitor.Core.Rules.Governance;
using SocialMonitor.IntegrationTests.Pipeline;
using SocialMonitor.IntegrationTests.Support;
using SocialMonitor.Local.Platforms.Facebook;

namespace SocialMonitor.IntegrationTests.Review;

/// <summary>
/// The daily account review end to end: the tests' Facebook pages scanned through the real queues, then the review's
/// account and location items through <c>evaluate-item</c> to the evaluator and the governance rules.
/// </summary>
public sealed class AccountReviewTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Hayden = "cln-hayden-fb";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_AfterManyScansADay_ReviewsEachAccountOnceAndAgainTheSameDayAddsNothing()
    {
        await using var run = await PipelineRun.StartAsync(azurite, Ct, reviewLocations: false);
        for (var scan = 0; scan < 3; scan++)
        {
            await run.ScanAndDrainAsync(Ct);
            run.Time.Advance(TimeSpan.FromMinutes(15));
        }
        var beforeReview = await GovernanceAsync(run);

        var first = await ReviewAsync(run);
        var afterFirst = await GovernanceAsync(run);
        await run.ScanAndDrainAsync(Ct);
        run.Time.Advance(TimeSpan.FromHours(2));
        var second = await ReviewAsync(run);
        var afterSecond = await GovernanceAsync(run);

        Assert.Empty(beforeReview); // Scans never review.
        Assert.Equal((2, 2, 0), (first.Accounts, first.Locations, first.AlreadyReviewed));
        Assert.Equal((0, 0, 4), (second.Accounts, second.Locations, second.AlreadyReviewed));
        Assert.Equal(
            [("bookmobile", ManagersRule.Rule), ("cln-bookmobile-fb", AttestationDueRule.Rule), ("cln-bookmobile-fb", CoordinatorNotAdminRule.Rule),
             (Hayden, AttestationDueRule.Rule), (Hayden, CoordinatorNotAdminRule.Rule)],
            afterFirst.Select(f => (f.ItemId, f.Rule)).Order());
        Assert.Equal(afterFirst.Select(f => (f.Id, f.LastSeen)).Order(), afterSecond.Select(f => (f.Id, f.LastSeen)).Order());
    }

    [Fact]
    public async Task RunAsync_NextDay_ReviewsAgainAndResolvesWhatAnAttestationNowCovers()
    {
        await using var run = await PipelineRun.StartAsync(azurite, Ct, reviewLocations: false);
        await run.ScanAndDrainAsync(Ct);
        await ReviewAsync(run);
        var due = Assert.Single(await GovernanceAsync(run), f => f.ItemId == Hayden && f.Rule == AttestationDueRule.Rule);
        await run.Services.GetRequiredService<ApprovalService>().AddAsync(ApprovalKinds.Attestations,
            new ApprovalRequest { Scope = Hayden, Value = "groups", Statement = "The Page has joined no outside groups." },
            new ApprovalActor("sam.lee@example.org", ["hayden"]), Ct);

        run.Time.Advance(TimeSpan.FromDays(1));
        var next = await ReviewAsync(run);

        var resolved = await run.Services.GetRequiredService<FindingStore>().GetAsync("hayden", due.Id, Ct);
        Assert.Equal(2, next.Accounts);
        Assert.Equal((FindingStatuses.Resolved, ItemEvaluator.ReviewResolvedWhy), (resolved!.Status, resolved.Resolution));
    }

    [Fact]
    public async Task AddAttestation_SameDay_QueuesTheReviewItemAndResolvesOnlyItsFinding()
    {
        await using var run = await PipelineRun.StartAsync(azurite, Ct, reviewLocations: false);
        await run.ScanAndDrainAsync(Ct);
        await ReviewAsync(run);
        var before = (await GovernanceAsync(run)).Where(f => f.ItemId == Hayden).ToList();
        var due = Assert.Single(before, f => f.Rule == AttestationDueRule.Rule);

        await run.Services.GetRequiredService<ApprovalService>().AddAsync(ApprovalKinds.Attestations,
            new ApprovalRequest { Scope = Hayden, Value = "groups", Statement = "The Page has joined no outside groups." },
            new ApprovalActor("sam.lee@example.org", ["hayden"]), Ct);
        await run.Services.GetRequiredService<QueueDrainer>().DrainAsync(QueueDrainer.AllQueues, Ct);

        var after = (await GovernanceAsync(run)).Where(f => f.ItemId == Hayden).ToDictionary(f => f.Id);
        Assert.Equal((FindingStatuses.Resolved, ItemEvaluator.ReviewResolvedWhy), (after[due.Id].Status, after[due.Id].Resolution));
        Assert.All(before.Where(f => f.Id != due.Id), f => Assert.Equal(FindingStatuses.Open, after[f.Id].Status));
    }

    [Fact]
    public async Task RunAsync_ResolvedFindingStillTrueOnALaterDay_IsReopened()
    {
        await using var run = await PipelineRun.StartAsync(azurite, Ct, reviewLocations: false);
        await run.ScanAndDrainAsync(Ct);
        await ReviewAsync(run);
        var admin = Assert.Single(await GovernanceAsync(run), f => f.ItemId == Hayden && f.Rule == CoordinatorNotAdminRule.Rule);
        var stored = await run.Services.GetRequiredService<FindingStore>().GetStoredAsync("hayden", admin.Id, Ct);
        await run.Services.GetRequiredService<FindingLifecycle>().ApplyAsync("hayden", admin.Id, stored!.ETag,
            new FindingDisposition { Status = FindingStatuses.Resolved, Action = "made the coordinator an administrator" }, "coordinator@example.org", Ct);

        run.Time.Advance(TimeSpan.FromDays(1));
        await ReviewAsync(run);

        Assert.Equal(FindingStatuses.Open, (await run.Services.GetRequiredService<FindingStore>().GetAsync("hayden", admin.Id, Ct))!.Status);
    }

    [Fact]
    public async Task RunAsync_FacebookRefusesRoles_CoordinatorNotAdminIsCannotVerifyAndRolesFallDue()
    {
        await using var run = await PipelineRun.StartAsync(azurite, Ct, reviewLocations: false);
        run.Facebook.Fault = request => request.Path.Value!.EndsWith("/roles", StringComparison.Ordinal)
            ? new FacebookSampleError(403, 10, "(#10) Application does not have permission for this action") : null;
        await run.ScanAndDrainAsync(Ct);

        await ReviewAsync(run);

        var hayden = (await GovernanceAsync(run)).Where(f => f.ItemId == Hayden).ToList();
        var admin = Assert.Single(hayden, f => f.Rule == CoordinatorNotAdminRule.Rule);
        Assert.Equal("cannot verify that Jordan Avery is an administrator of cln-hayden-fb: facebook refused to list its roles", admin.Evidence);
        Assert.Equal(["groups", "roles"], hayden.Where(f => f.Rule == AttestationDueRule.Rule).Select(f => f.Evidence.Split(' ')[5].TrimEnd(',')).Order());
    }

    [Fact]
    public async Task Route_AccessAndAttestationFindings_GoToTheManagersAndTheCoordinatorOthersToTheCoordinator()
    {
        await using var run = await PipelineRun.StartAsync(azurite, Ct, reviewLocations: false);
        await run.ScanAndDrainAsync(Ct);
        await ReviewAsync(run);
        var router = run.Services.GetRequiredService<NotificationRouter>();
        var findings = (await GovernanceAsync(run)).Where(f => f.ItemId == Hayden).ToList();

        async Task<IReadOnlyList<string>> ToAsync(string rule) =>
            [.. (await router.PeopleAsync(Assert.Single(findings, f => f.Rule == rule), Ct)).Select(p => p.Email)];

        Assert.Equal(["sam.lee@example.org", "coordinator@example.org"], await ToAsync(AttestationDueRule.Rule));
        Assert.Equal(["coordinator@example.org"], await ToAsync(CoordinatorNotAdminRule.Rule));
        var access = findings[0] with { Rule = AccessEndedRule.Rule };
        var app = findings[0] with { Rule = UnreviewedAppRule.Rule };
        Assert.Equal(["sam.lee@example.org", "coordinator@example.org"], (await router.PeopleAsync(access, Ct)).Select(p => p.Email));
        Assert.Equal(["coordinator@example.org"], (await router.PeopleAsync(app, Ct)).Select(p => p.Email));
    }

    [Fact]
    public async Task RunIfDueAsync_BeforeTheReviewHour_NothingThenFromItTheReview()
    {
        // The pipeline's clock starts at 11:00 in the library's time zone.
        await using var run = await PipelineRun.StartAsync(azurite, Ct, new Dictionary<string, string?> { ["Review:Hour"] = "12" }, reviewLocations: false);
        var review = run.Services.GetRequiredService<AccountReview>();

        var early = await review.RunIfDueAsync(Ct);
        run.Time.Advance(TimeSpan.FromHours(1));
        var due = await review.RunIfDueAsync(Ct);

        Assert.Equal((0, 0), (early.Accounts, early.AlreadyReviewed));
        Assert.Equal(2, due.Accounts);
    }

    [Fact]
    public async Task RunAsync_AccountThatNeverPostsOnceWatchedLongerThanTheLimit_IsStale()
    {
        await using var run = await PipelineRun.StartAsync(azurite, Ct, reviewLocations: false);
        await run.ScanAndDrainAsync(Ct);
        await ReviewAsync(run);
        var early = await StaleAsync(run); // The reads reach back 14 days (Scan__BackfillDays): not yet 30.

        run.Time.Advance(TimeSpan.FromDays(18));
        await run.ScanAndDrainAsync(Ct);
        await ReviewAsync(run);
        var later = await StaleAsync(run);

        Assert.Empty(early);
        var stale = Assert.Single(later); // The empty Bookmobile page; Hayden's posts of 22 days ago are within the limit.
        Assert.Equal("cln-bookmobile-fb", stale.ItemId);
        Assert.StartsWith("no official post in the 32 days the monitor has read the account (since ", stale.Evidence, StringComparison.Ordinal);
    }

    private static async Task<ReviewSummary> ReviewAsync(PipelineRun run)
    {
        var summary = await run.Services.GetRequiredService<AccountReview>().RunAsync(Ct);
        await run.Services.GetRequiredService<QueueDrainer>().DrainAsync(QueueDrainer.AllQueues, Ct);
        return summary;
    }

    private static async Task<IReadOnlyList<Finding>> StaleAsync(PipelineRun run) =>
        [.. (await run.FindingsAsync(Ct)).Where(f => f.Rule == StaleAccountRule.Rule)];

    private static async Task<IReadOnlyList<Finding>> GovernanceAsync(PipelineRun run) =>
        [.. (await run.FindingsAsync(Ct)).Where(f => f.Family == "governance")];
}
