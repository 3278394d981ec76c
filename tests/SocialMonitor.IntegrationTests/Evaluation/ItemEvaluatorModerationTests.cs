using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Evaluation;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Queues;
using SocialMonitor.Core.Rules.Governance;
using SocialMonitor.Core.Scanning;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Evaluation;

public sealed class ItemEvaluatorModerationTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly Item s_hiddenGuestComment = new()
    {
        Id = "1_11", Platform = "facebook", Account = "cln-hayden-fb", Kind = ItemKinds.Comment, Origin = ItemOrigins.Guest, Hidden = true,
        Author = new ItemAuthor("9001", "Pat Guest"), Text = "Why is the parking lot always full on Thursdays?",
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EvaluateAsync_HiddenEventOfAGuestCommentWithNoReason_RaisesModerationForItsLocation()
    {
        await using var services = await StartAsync();

        var findings = await Evaluator(services).EvaluateAsync(new EvaluateItemMessage(s_hiddenGuestComment, null, [ItemEvents.Hidden]), Ct);

        var moderation = Assert.Single(findings);
        Assert.Equal((ModerationRule.Rule, "hayden", "cln-hayden-fb", "1_11", FindingStatuses.Open),
            (moderation.Rule, moderation.Location, moderation.Account, moderation.ItemId, moderation.Status));
        Assert.Equal(FindingIds.For("facebook", "1_11", ModerationRule.Rule, "hidden"), moderation.Id);
        Assert.NotNull(await services.GetRequiredService<FindingStore>().GetAsync("hayden", moderation.Id, Ct));
    }

    [Fact]
    public async Task EvaluateAsync_HiddenGuestCommentWithAConductFinding_RaisesNoModeration()
    {
        await using var services = await StartAsync();
        var rude = s_hiddenGuestComment with { Text = "This shitty parking lot is always full." };

        var findings = await Evaluator(services).EvaluateAsync(new EvaluateItemMessage(rude, null, [ItemEvents.Hidden]), Ct);

        Assert.Contains(findings, f => f.Family == "conduct");
        Assert.DoesNotContain(findings, f => f.Rule == ModerationRule.Rule);
    }

    [Fact]
    public async Task EvaluateAsync_OfficialReplyHidden_RaisesNoModeration()
    {
        await using var services = await StartAsync();
        var official = s_hiddenGuestComment with { Id = "3_32", Origin = ItemOrigins.Official };

        var findings = await Evaluator(services).EvaluateAsync(new EvaluateItemMessage(official, null, [ItemEvents.Hidden]), Ct);

        Assert.DoesNotContain(findings, f => f.Rule == ModerationRule.Rule);
    }

    [Fact]
    public async Task EvaluateAsync_MessageQueuedBeforeEventsWereCarried_ReadsAsNoEventAndRaisesNothing()
    {
        await using var services = await StartAsync();
        var old = ItemJson.Serialize(new { item = s_hiddenGuestComment, claimCheck = (string?)null });

        var message = ItemJson.Deserialize<EvaluateItemMessage>(old);
        var findings = await Evaluator(services).EvaluateAsync(message, Ct);

        Assert.Null(message.Events);
        Assert.Empty(findings);
    }

    private async Task<ServiceProvider> StartAsync()
    {
        await azurite.ResetAsync(Ct);
        var services = TestHost.Create(azurite);
        await services.GetRequiredService<AccountsImporter>().ImportAsync(AccountsFileReader.Read(SampleAccounts.Json), Ct);
        return services;
    }

    private static ItemEvaluator Evaluator(IServiceProvider services) => services.GetRequiredService<ItemEvaluator>();
}
