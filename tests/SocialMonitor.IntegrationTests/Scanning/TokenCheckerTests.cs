using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Platforms;
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

    [Fact]
    public async Task CheckAllAsync_KeyVaultRefusesOneToken_TheOthersAreChecked_TheRefusalIsItsAccountsCaptureFinding()
    {
        await using var run = await PipelineRun.StartAsync(azurite, Ct,
            configure: s => s.AddSingleton<ITokenSource>(new RefusingTokenSource("cln-hayden-fb-token")));

        var checkedCount = await run.Services.GetRequiredService<TokenChecker>().CheckAllAsync(Ct);

        Assert.Equal(1, checkedCount);
        Assert.Single(run.Facebook.Requests, r => r.Contains("/debug_token", StringComparison.Ordinal));
        var failed = Assert.Single(await run.FindingsAsync(Ct), f => f.Family == "capture");
        Assert.Equal((CaptureCondition.TokenCheckFailed.Rule, "hayden", "cln-hayden-fb"), (failed.Rule, failed.Location, failed.Account));
        Assert.Contains("refused to read the token 'cln-hayden-fb-token'", failed.Evidence, StringComparison.Ordinal);
    }

    /// <summary>The tests' tokens, except one that Key Vault refuses to read, as it does without the role on the vault.</summary>
    private sealed class RefusingTokenSource(string refused) : ITokenSource
    {
        public Task<string> GetAsync(string name, CancellationToken cancellationToken) => name == refused
            ? throw new UnauthorizedAccessException($"Key Vault https://test.vault.azure.net/ refused to read the token '{name}' (Forbidden).")
            : Task.FromResult(PipelineData.Tokens[$"Tokens:{name}"]!);

        public Task SetAsync(string name, string token, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
