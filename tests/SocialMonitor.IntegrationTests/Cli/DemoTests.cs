using SocialMonitor.Cli.Demo;

namespace SocialMonitor.IntegrationTests.Cli;

public sealed class DemoTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("socialmonitor-demo-").FullName;

    [Fact]
    public async Task RunAsync_Twice_SameFindingsForBothRulesAndTheSameEmails()
    {
        var first = await RunDemoAsync("first");
        var second = await RunDemoAsync("second");

        Assert.Contains(first.Summary.Findings, f => f.Rule == "link-domain.unapproved");
        Assert.Contains(first.Summary.Findings, f => f.Rule == "conduct.profanity");
        Assert.True(first.Summary.Findings.Select(f => f.Location).Distinct().Count() >= 3, "findings in several locations");
        Assert.Equal(first.Summary.Findings.Select(f => (f.Id, f.Rule, f.Evidence)), second.Summary.Findings.Select(f => (f.Id, f.Rule, f.Evidence)));
        Assert.Equal(first.Summary.Findings.Count, first.Emails.Count);
        Assert.Equal(first.Emails, second.Emails);
    }

    private async Task<(DemoSummary Summary, Dictionary<string, string> Emails)> RunDemoAsync(string name)
    {
        var outbox = Path.Combine(_directory, name);
        await using var demo = await DemoRunner.StartAsync(outbox, TestContext.Current.CancellationToken);
        var summary = await demo.RunAsync(verbose: false, TestContext.Current.CancellationToken);
        var emails = Directory.GetFiles(outbox).ToDictionary(f => Path.GetFileName(f), File.ReadAllText);
        return (summary, emails);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
