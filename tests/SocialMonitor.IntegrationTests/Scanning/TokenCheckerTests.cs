using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Scanning;
using SocialMonitor.Functions;
using SocialMonitor.IntegrationTests.Pipeline;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Scanning;

public sealed class TokenCheckerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CheckAllAsync_TokenExpiringWithinFourteenDays_RaisesTokenExpiring_ResolvedWhenRenewed()
    {
        await using var run = await PipelineRun.StartAsync(azurite, Ct);
        run.Facebook.TokenExpiry[PipelineData.HaydenToken] = TestHost.Start.AddDays(10);
        run.Facebook.TokenExpiry[PipelineData.BookmobileToken] = TestHost.Start.AddDays(15);
        var timer = new TokenCheckTimer(run.Services.GetRequiredService<TokenChecker>());

        await timer.Run(new Microsoft.Azure.Functions.Worker.TimerInfo(), Ct);
        var during = await run.FindingsAsync(Ct);
        run.Facebook.TokenExpiry[PipelineData.HaydenToken] = TestHost.Start.AddDays(90);
        run.Time.Advance(TimeSpan.FromDays(1));
        await timer.Run(new Microsoft.Azure.Functions.Worker.TimerInfo(), Ct);

        var expiring = Assert.Single(during, f => f.Family == "capture");
        Assert.Equal(("capture.token-expiring", "hayden", "medium"), (expiring.Rule, expiring.Location, expiring.Severity));
        Assert.Contains("2026-10-25", expiring.Evidence, StringComparison.Ordinal);
        Assert.Contains("cln-hayden-fb-token", expiring.Evidence, StringComparison.Ordinal);
        Assert.DoesNotContain(PipelineData.HaydenToken, expiring.Evidence + expiring.Explanation, StringComparison.Ordinal);
        Assert.Equal(FindingStatuses.Resolved, (await run.Services.GetRequiredService<FindingStore>().GetAsync("hayden", expiring.Id, Ct))!.Status);
        Assert.Equal(2, run.Facebook.Requests.Count(r => r.Contains("/debug_token?", StringComparison.Ordinal) && r.Contains("input_token=EAAtest-hayden", StringComparison.Ordinal)));
    }
}
