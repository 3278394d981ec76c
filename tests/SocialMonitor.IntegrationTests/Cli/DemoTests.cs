using SocialMonitor.Cli.Demo;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Notifications;

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
        Assert.Equal(first.Emails, second.Emails);
    }

    [Fact]
    public async Task RunAsync_SampleDay_ImmediateEmailsAndDigestsThatCoverEveryFinding()
    {
        var (summary, emails) = await RunDemoAsync("day");

        Assert.Equal(summary.Emails, emails.Keys.Order(StringComparer.Ordinal));
        Assert.Contains(emails.Keys, name => name.StartsWith(EmailKinds.Immediate + "-", StringComparison.Ordinal));
        Assert.Contains(emails.Keys, name => name.StartsWith(EmailKinds.Digest + "-", StringComparison.Ordinal));
        var parsed = new List<Notification>();
        foreach (var name in emails.Keys)
        {
            using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(emails[name]));
            parsed.Add(await MimeEmail.ParseAsync(stream, TestContext.Current.CancellationToken));
        }
        // Every finding reaches everyone who watches it and has not opted out of its severity.
        var accounts = AccountsFileReader.ReadFile(Path.Combine(AppContext.BaseDirectory, "samples", "accounts.json")).File!;
        foreach (var finding in summary.Findings)
        {
            var managers = accounts.Locations.SingleOrDefault(l => l.Id == finding.Location)?.Managers ?? [];
            var watchers = finding.Family is "capture" or "governance" || managers.Count == 0 ? [accounts.Coordinator] : managers;
            foreach (var person in watchers.Where(p => p.Notify.For(finding.Severity) != NotifyPreferences.None))
            {
                Assert.Contains(parsed, e => e.To.Single().Email == person.Email && e.Text.Contains(finding.Id, StringComparison.Ordinal));
            }
        }
        Assert.All(parsed, e => Assert.EndsWith("@example.org", e.To.Single().Email, StringComparison.Ordinal));

        // The loopback host counted each fake's requests: at least each Facebook Page's feed, profile, roles and apps.
        var calls = summary.ApiCalls.Single(c => c.Platform == "Facebook").Calls;
        Assert.InRange(calls, 8 * 4, 1000);
        Assert.Matches($@"Facebook API calls\s+{calls}\n", summary.Render().ReplaceLineEndings("\n"));
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
