using Microsoft.Extensions.Configuration;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
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
        // Hayden's staff hide a guest comment on Instagram at 18:30: the second scan sees it (issue 21).
        Assert.Contains(first.Summary.Findings, f => f.Rule == "governance.moderation" && f.Platform == "instagram" && f.Location == "hayden");
        // The branding cases of the samples (issue 27): an old logo, hours, a website elsewhere, no policy link, 45 days without a post.
        Assert.Equal(["branding.contacts", "branding.image", "branding.policy-link", "branding.stale", "branding.website"],
            first.Summary.Findings.Where(f => f.Rule.StartsWith("branding.", StringComparison.Ordinal)).Select(f => f.Rule).Distinct().Order());
        Assert.Contains(first.Summary.Findings, f => f.Rule == "branding.stale" && f.Evidence.StartsWith("no official post for 45 days", StringComparison.Ordinal));
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

        // The loopback host counted each fake's requests: at least each Facebook Page's feed, profile, roles and apps, each
        // YouTube channel's uploads playlist, its videos and its channel, and the LinkedIn page's posts, profile and one
        // roles query per role.
        var facebookPages = accounts.Accounts.Count(a => a.Platform == "facebook");
        Assert.InRange(summary.ApiCalls.Single(c => c.Platform == "Facebook").Calls, facebookPages * 4, 1000);
        Assert.InRange(summary.ApiCalls.Single(c => c.Platform == "YouTube").Calls, 2 * 3, 1000);
        Assert.InRange(summary.ApiCalls.Single(c => c.Platform == "LinkedIn").Calls, 2 + 6, 100);
        foreach (var (platform, calls) in summary.ApiCalls)
        {
            Assert.Matches($@"{platform} API calls\s+{calls}\n", summary.Render().ReplaceLineEndings("\n"));
        }
    }

    [Fact]
    public async Task Serve_AcknowledgeThenSummary_TimesTheWaitOnTheDemosClock()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var demo = await DemoRunner.StartAsync(Path.Combine(_directory, "serve"), ct, TextWriter.Null);
        var summary = await demo.RunAsync(verbose: false, ct);
        await using var app = demo.BuildApi(new ConfigurationBuilder().Build(), "demo-test-key-0123456789abcdef", "demo-test-manager-0123456789abcd", "http://127.0.0.1:0", verbose: false);
        await app.StartAsync(ct);
        using var client = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
        client.DefaultRequestHeaders.Add("X-Api-Key", "demo-test-key-0123456789abcdef");
        var finding = summary.Findings.First(f => f.Status == "open");

        var read = await client.GetAsync($"/api/findings/{finding.Id}", ct);
        using var acknowledge = new HttpRequestMessage(HttpMethod.Post, $"/api/findings/{finding.Id}/disposition")
        {
            Content = new StringContent("""{"status":"acknowledged"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        acknowledge.Headers.TryAddWithoutValidation("If-Match", read.Headers.ETag!.ToString());
        var acknowledged = await client.SendAsync(acknowledge, ct);
        var counts = await client.GetFromJsonAsync<JsonElement>("/api/findings/summary", ct);

        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        Assert.Equal(1, counts.GetProperty("takenUp").GetInt32());
        Assert.Equal(1, counts.GetProperty("byStatus").GetProperty("acknowledged").GetInt32());
        Assert.Equal(Math.Round((DemoRunner.Clock.AddHours(24) - finding.FirstSeen).TotalSeconds),
            counts.GetProperty("medianTimeToAcknowledgeSeconds").GetDouble());
    }

    private async Task<(DemoSummary Summary, Dictionary<string, string> Emails)> RunDemoAsync(string name)
    {
        var outbox = Path.Combine(_directory, name);
        await using var demo = await DemoRunner.StartAsync(outbox, TestContext.Current.CancellationToken, TextWriter.Null);
        var summary = await demo.RunAsync(verbose: false, TestContext.Current.CancellationToken);
        var emails = Directory.GetFiles(outbox).ToDictionary(f => Path.GetFileName(f), File.ReadAllText);
        return (summary, emails);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
