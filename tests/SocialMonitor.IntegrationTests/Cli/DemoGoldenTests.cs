using System.Text;
using System.Text.RegularExpressions;
using SocialMonitor.Cli.Demo;
using SocialMonitor.Core.Notifications;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Cli;

/// <summary>
/// The demo's outcome held against a golden file: every finding (rule, item, status) and every email (file name, recipient,
/// subject, the finding ids it names). A change that alters what the demo finds or mails fails here until the golden file is
/// updated on purpose, in the commit that changes the behaviour: run this test with <c>SOCIALMONITOR_UPDATE_GOLDEN=1</c> to
/// rewrite it, then read the diff.
/// </summary>
public sealed partial class DemoGoldenTests : IDisposable
{
    private static readonly string s_golden = Path.Combine(RepositoryPaths.Root, "tests", "SocialMonitor.IntegrationTests", "Cli", "Golden", "demo-outbox.txt");
    private readonly string _directory = Directory.CreateTempSubdirectory("socialmonitor-golden-").FullName;

    [GeneratedRegex("[0-9a-f]{32}")]
    private static partial Regex FindingId();

    [Fact]
    public async Task RunAsync_SampleData_MatchesTheGoldenOutbox()
    {
        var actual = await RenderDemoAsync();

        if (Environment.GetEnvironmentVariable("SOCIALMONITOR_UPDATE_GOLDEN") == "1")
        {
            await File.WriteAllTextAsync(s_golden, actual, TestContext.Current.CancellationToken);
        }
        Assert.True(File.Exists(s_golden), $"The golden file {s_golden} is missing: run this test with SOCIALMONITOR_UPDATE_GOLDEN=1 to write it.");
        Assert.Equal(await File.ReadAllTextAsync(s_golden, TestContext.Current.CancellationToken), actual);
    }

    [Fact]
    public async Task RunAsync_SampleData_EveryLineOfEveryPartWithin998AndNoPersonTwoImmediateEmails()
    {
        var (outbox, _) = await RunDemoAsync();
        var files = Directory.GetFiles(outbox, "*.eml");

        foreach (var file in files)
        {
            var raw = await File.ReadAllLinesAsync(file, TestContext.Current.CancellationToken);
            Assert.All(raw, line => Assert.True(line.Length <= 998, $"{Path.GetFileName(file)}: a line of {line.Length} characters"));
            var message = await MimeKit.MimeMessage.LoadAsync(file, TestContext.Current.CancellationToken);
            var parts = message.BodyParts.OfType<MimeKit.TextPart>().ToList();
            Assert.Equal(["text/plain", "text/html"], parts.Select(p => p.ContentType.MimeType));
            foreach (var part in parts)
            {
                Assert.Equal(MimeKit.ContentEncoding.QuotedPrintable, part.ContentTransferEncoding);
                Assert.All(part.Text.Split('\n'), line => Assert.True(line.Length <= 998, $"{Path.GetFileName(file)} {part.ContentType.MimeType}: a decoded line of {line.Length}"));
                Assert.DoesNotMatch(@" at \d+(?![\d:])", part.Text); // No character offsets.
            }
        }
        var immediate = new List<string>();
        foreach (var file in files.Where(f => Path.GetFileName(f).StartsWith(EmailKinds.Immediate, StringComparison.Ordinal)))
        {
            immediate.Add((await MimeKit.MimeMessage.LoadAsync(file, TestContext.Current.CancellationToken)).To.Mailboxes.Single().Address);
        }
        Assert.NotEmpty(immediate);
        Assert.Equal(immediate.Distinct(StringComparer.OrdinalIgnoreCase).Count(), immediate.Count);
    }

    private async Task<(string Outbox, DemoSummary Summary)> RunDemoAsync()
    {
        var outbox = Path.Combine(_directory, "outbox");
        await using var demo = await DemoRunner.StartAsync(outbox, TestContext.Current.CancellationToken, TextWriter.Null);
        return (outbox, await demo.RunAsync(verbose: false, TestContext.Current.CancellationToken));
    }

    private async Task<string> RenderDemoAsync()
    {
        var (outbox, summary) = await RunDemoAsync();
        var ids = summary.Findings.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);

        var text = new StringBuilder("# findings: rule | item | status\n");
        foreach (var line in summary.Findings.Select(f => $"{f.Rule} | {f.ItemId} | {f.Status} | {f.Id}").Order(StringComparer.Ordinal))
        {
            text.Append(line).Append('\n');
        }
        text.Append("# emails: file | to | subject | finding ids\n");
        foreach (var file in Directory.GetFiles(outbox, "*.eml").Order(StringComparer.Ordinal))
        {
            await using var stream = File.OpenRead(file);
            var email = await MimeEmail.ParseAsync(stream, TestContext.Current.CancellationToken);
            var named = FindingId().Matches(email.Text).Select(m => m.Value).Where(ids.Contains).Distinct().Order(StringComparer.Ordinal);
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{Path.GetFileName(file)} | {string.Join(",", email.To.Select(p => p.Email))} | {email.Subject} | {string.Join(",", named)}\n");
        }
        return text.ToString();
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
