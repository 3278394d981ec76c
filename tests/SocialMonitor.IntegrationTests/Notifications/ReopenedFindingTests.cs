using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Platforms;
using SocialMonitor.Core.Scanning;
using SocialMonitor.IntegrationTests.Pipeline;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Notifications;

/// <summary>Issue 16, defect 3: a reopened finding is routed again, once per reopening, and watched for escalation again.</summary>
public sealed class ReopenedFindingTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Scan_TokenBadThenGoodThenBadAgain_TwoEmailsAboutTheInvalidToken()
    {
        var tokens = new SwitchableTokenSource();
        await using var run = await PipelineRun.StartAsync(azurite, Ct, configure: s => s.AddSingleton<ITokenSource>(tokens));

        tokens.Bad = true;
        await run.ScanAndDrainAsync(Ct);
        run.Time.Advance(TimeSpan.FromHours(1));
        tokens.Bad = false;
        await run.ScanAndDrainAsync(Ct);
        run.Time.Advance(TimeSpan.FromHours(1));
        tokens.Bad = true;
        await run.ScanAndDrainAsync(Ct);
        await run.ScanAndDrainAsync(Ct); // Still bad: no third email.

        var invalid = Assert.Single(await run.FindingsAsync(Ct), f => f.Rule == CaptureCondition.TokenInvalid.Rule && f.Account == "cln-hayden-fb");
        Assert.Equal((FindingStatuses.Open, 1), (invalid.Status, invalid.ReopenCount));
        var emails = (await run.ParsedEmailsAsync(Ct)).Where(e => e.Text.Contains(invalid.Id, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, emails.Count);
        Assert.Equal(2, emails.Select(e => e.Id).Distinct().Count());
    }

    /// <summary>The tests' tokens; Hayden's is one Facebook refuses while <see cref="Bad"/>.</summary>
    private sealed class SwitchableTokenSource : ITokenSource
    {
        public volatile bool Bad;

        public Task<string> GetAsync(string name, CancellationToken cancellationToken) =>
            Task.FromResult(Bad && name == "cln-hayden-fb-token" ? "EAAtest-revoked" : PipelineData.Tokens[$"Tokens:{name}"]!);

        public Task SetAsync(string name, string token, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
