using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Accounts;
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
        Assert.Contains("signs in to the monitor's Meta app again", expiring.Explanation, StringComparison.Ordinal);
        Assert.Contains("new Page token under the same name", expiring.Explanation, StringComparison.Ordinal);
        Assert.Equal(FindingStatuses.Resolved, (await run.Services.GetRequiredService<FindingStore>().GetAsync("hayden", expiring.Id, Ct))!.Status);
        Assert.Equal(2, run.Facebook.Requests.Count(r => r.Contains("/debug_token?", StringComparison.Ordinal) && r.Contains("input_token=EAAtest-hayden", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task CheckAsync_LinkedInTokenExpiring_AdvisesLinkedInsRenewal_NeverMetas()
    {
        await using var run = await PipelineRun.StartAsync(azurite, Ct);
        var linkedIn = run.Services.GetServices<IPlatformClient>().Single(c => c.Platform == PlatformNames.LinkedIn);
        var account = (await run.Services.GetRequiredService<AccountRegistry>().ListAccountsAsync(Ct)).Single(a => a.Id == "cln-hayden-fb")
            with { Id = "cln-hayden-li", Platform = PlatformNames.LinkedIn, PlatformId = "urn:li:organization:90000001" };

        await run.Services.GetRequiredService<TokenChecker>().CheckAsync(new ExpiringClient(linkedIn, TestHost.Start.AddDays(10)), account, Ct);

        var expiring = Assert.Single(await run.FindingsAsync(Ct), f => f.Rule == CaptureCondition.TokenExpiring.Rule);
        Assert.Equal("cln-hayden-li", expiring.Account);
        Assert.Contains("signs in through the monitor's LinkedIn app again", expiring.Explanation, StringComparison.Ordinal);
        Assert.Contains("new refresh token", expiring.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain("Meta", expiring.Explanation, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Facebook", expiring.Explanation, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Page token", expiring.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_APlanWithoutRenewalAdvice_GetsTheGenericAdvice()
    {
        await using var run = await PipelineRun.StartAsync(azurite, Ct);
        var account = (await run.Services.GetRequiredService<AccountRegistry>().ListAccountsAsync(Ct)).Single(a => a.Id == "cln-hayden-fb")
            with { Id = "cln-hayden-test", Platform = "test" };

        await run.Services.GetRequiredService<TokenChecker>().CheckAsync(new ExpiringClient(new PlannedTestClient(), TestHost.Start.AddDays(3)), account, Ct);

        var expiring = Assert.Single(await run.FindingsAsync(Ct), f => f.Rule == CaptureCondition.TokenExpiring.Rule);
        Assert.Contains("the IT person stores a new token under the same name (see the README, Getting access)", expiring.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain("Meta", expiring.Explanation, StringComparison.OrdinalIgnoreCase);
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

    /// <summary>A platform's client (its plan, the renewal advice) whose token check reports a valid token ending at <paramref name="expires"/>.</summary>
    private sealed class ExpiringClient(IPlatformClient client, DateTimeOffset expires) : IPlatformClient
    {
        public string Platform => client.Platform;

        public ReadPlan Plan => client.Plan;

        public PlatformCapabilities Capabilities => client.Capabilities;

        public IReadOnlyList<string> ImageHosts => client.ImageHosts;

        public Task<StreamRead> ReadAsync(PlatformSession session, StreamRequest request, CancellationToken cancellationToken) =>
            client.ReadAsync(session, request, cancellationToken);

        public Task<bool> IsGoneAsync(PlatformSession session, string itemId, CancellationToken cancellationToken) =>
            client.IsGoneAsync(session, itemId, cancellationToken);

        public Task<TokenStatus> CheckTokenAsync(PlatformSession session, CancellationToken cancellationToken) =>
            Task.FromResult(new TokenStatus(true, expires, []));
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
