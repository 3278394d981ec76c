using Microsoft.ApplicationInsights;
using Microsoft.ApplicationInsights.Channel;
using Microsoft.ApplicationInsights.DataContracts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Queues;
using SocialMonitor.Core.Scanning;
using SocialMonitor.Functions;
using SocialMonitor.IntegrationTests.Support;
using SocialMonitor.Local;
using SocialMonitor.Local.Platforms.Facebook;

namespace SocialMonitor.IntegrationTests.Functions;

/// <summary>Issue 16, defect 1: what Application Insights would send during a scan and a token check carries no token.</summary>
public sealed class TelemetryTokenTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ScanAndTokenCheck_FunctionsContainerWithApplicationInsights_NoTokenInTheTelemetry()
    {
        await azurite.ResetAsync(Ct);
        var facebook = new FacebookGraph(PipelineData.Data, new HashSet<string>([PipelineData.HaydenToken, PipelineData.BookmobileToken]));
        await using var platforms = await LoopbackPlatformHost.StartAsync([facebook], Ct);
        var mail = Path.Combine(Path.GetTempPath(), "socialmonitor-tests", Guid.NewGuid().ToString("N"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>(PipelineData.Tokens)
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Platforms:Facebook:BaseUrl"] = facebook.BaseUrl + "/",
            ["Mail:Directory"] = mail,
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint=http://127.0.0.1:9/",
        }).Build();
        var channel = new CapturingTelemetryChannel();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<ITelemetryChannel>(channel);
        services.AddSocialMonitorFunctions(configuration);
        services.AddSingleton<TimeProvider>(new TestClock(TestHost.Start));
        await using var provider = services.BuildServiceProvider();
        var telemetry = provider.GetRequiredService<TelemetryClient>(); // Initializes the modules: dependency tracking among them.
        await provider.GetRequiredService<AccountsImporter>().ImportAsync(AccountsFileReader.Read(SampleAccounts.Json), Ct);

        await provider.GetRequiredService<AccountScanner>().ScanAsync(new ScanAccountMessage("cln-hayden-fb"), Ct);
        await provider.GetRequiredService<TokenChecker>().CheckAllAsync(Ct);
        telemetry.Flush();

        var calls = channel.Items.OfType<DependencyTelemetry>().Where(d => d.Data?.StartsWith(facebook.BaseUrl, StringComparison.Ordinal) == true).ToList();
        Assert.Contains(calls, d => d.Data.Contains("/debug_token", StringComparison.Ordinal));
        Assert.Contains(calls, d => d.Data.Contains("/feed", StringComparison.Ordinal));
        foreach (var item in channel.Items)
        {
            var text = item switch
            {
                DependencyTelemetry d => string.Join(' ', [d.Data, d.Name, d.Target, .. d.Properties.Values]),
                RequestTelemetry r => string.Join(' ', [r.Url?.ToString(), r.Name, .. r.Properties.Values]),
                TraceTelemetry t => string.Join(' ', [t.Message, .. t.Properties.Values]),
                ExceptionTelemetry e => string.Join(' ', [e.Message, e.Exception?.ToString(), .. e.Properties.Values]),
                _ => "",
            };
            Assert.DoesNotContain(PipelineData.HaydenToken, text, StringComparison.Ordinal);
            Assert.DoesNotContain(PipelineData.BookmobileToken, text, StringComparison.Ordinal);
        }
        if (Directory.Exists(mail))
        {
            Directory.Delete(mail, recursive: true);
        }
    }
}
