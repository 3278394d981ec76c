using SocialMonitor.Core.Notifications;
using SocialMonitor.Core.Queues;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Notifications;

/// <summary>Bundling on the outbox (Mail__BundleSeconds=60): one email per person per window, each finding sent once.</summary>
public sealed class ImmediateBundlerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Sam = "sam.lee@example.org";

    // Thursday 2026-10-15 11:00 in Los Angeles.
    private static readonly DateTimeOffset s_thursday = new(2026, 10, 15, 18, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddAsync_ThreeWithinTheWindowThenOneAfter_OneEmailWithThreeThenASecondEmail()
    {
        await using var run = await MailRun.StartAsync(azurite, s_thursday, Ct, bundleSeconds: 60);
        var first = await run.RecordAsync("hayden", "conduct.threat", "high", Ct);
        await run.DrainAsync(Ct);
        run.Time.Advance(TimeSpan.FromSeconds(20));
        var second = await run.RecordAsync("hayden", "pii.phone", "high", Ct);
        var third = await run.RecordAsync("hayden", "conduct.harassment", "high", Ct);
        await run.DrainAsync(Ct);
        Assert.Empty(run.Graph.Requests); // Held for the window.

        await run.AfterAsync(TimeSpan.FromSeconds(41), Ct);
        var fourth = await run.RecordAsync("hayden", "pii.email", "high", Ct);
        await run.DrainAsync(Ct);
        await run.AfterAsync(TimeSpan.FromSeconds(61), Ct);

        var emails = run.Graph.Requests.Where(r => r.To.Contains(Sam)).ToList();
        Assert.Equal(2, emails.Count);
        Assert.Equal(3, emails[0].Html.Split("<div style=\"margin:8px 0 0 0").Length - 1);
        Assert.All(new[] { first, second, third }, f => Assert.Contains(f.Id, emails[0].Html, StringComparison.Ordinal));
        Assert.Equal("[SocialMonitor] Hayden, high: A threat of violence and 2 more", emails[0].Subject);
        Assert.DoesNotContain(fourth.Id, emails[0].Html, StringComparison.Ordinal);
        Assert.Contains(fourth.Id, emails[1].Html, StringComparison.Ordinal);
        Assert.Equal("[SocialMonitor] Hayden, high: An email address", emails[1].Subject);
    }

    [Fact]
    public async Task ProcessAsync_SendEmailMessageRedelivered_SendsNothingTwice()
    {
        await using var run = await MailRun.StartAsync(azurite, s_thursday, Ct, bundleSeconds: 60);
        await run.RecordAsync("hayden", "conduct.threat", "high", Ct);
        await run.RecordAsync("hayden", "pii.phone", "high", Ct);
        await run.DrainAsync(Ct);
        await run.AfterAsync(TimeSpan.FromSeconds(61), Ct);
        var sent = Assert.Single(run.Graph.Requests, r => r.To.Contains(Sam));

        var processor = run.Get<OutboxProcessor>();
        await processor.ProcessAsync(new OutboxMessage(sent.EmailId), Ct);
        await run.Get<QueueSender>().SendAsync(QueueNames.SendEmail, new OutboxMessage(sent.EmailId), Ct);
        await run.AfterAsync(TimeSpan.FromMinutes(5), Ct);

        Assert.Single(run.Graph.Requests, r => r.To.Contains(Sam));
    }

    [Fact]
    public async Task AddAsync_NotifyRepeatedAfterTheBundleWasSent_NoSecondEmailForTheSameFinding()
    {
        await using var run = await MailRun.StartAsync(azurite, s_thursday, Ct, bundleSeconds: 60);
        var finding = await run.RecordAsync("hayden", "conduct.threat", "high", Ct);
        await run.DrainAsync(Ct);
        await run.AfterAsync(TimeSpan.FromSeconds(61), Ct);
        await run.RecordAsync("hayden", "pii.phone", "high", Ct); // Opens the person's next bundle.
        await run.DrainAsync(Ct);

        var sam = (await run.Get<NotificationRouter>().PeopleByEmailAsync(Ct))[Sam];
        var names = await run.Get<NotificationRouter>().LocationNamesAsync(Ct);
        await run.Get<ImmediateBundler>().AddAsync(sam, finding, names, null, Ct); // The first finding routed again.
        await run.AfterAsync(TimeSpan.FromSeconds(61), Ct);

        var emails = run.Graph.Requests.Where(r => r.To.Contains(Sam)).ToList();
        Assert.Equal(2, emails.Count);
        Assert.Single(emails, e => e.Html.Contains(finding.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddAsync_CriticalFindingWithALongWindow_GoesWithinAMinute()
    {
        await using var run = await MailRun.StartAsync(azurite, s_thursday, Ct, bundleSeconds: 300);
        await run.RecordAsync("hayden", "pii.phone", "high", Ct);
        await run.DrainAsync(Ct);
        run.Time.Advance(TimeSpan.FromSeconds(10));
        await run.RecordAsync("hayden", "conduct.threat", "critical", Ct);
        await run.DrainAsync(Ct);

        await run.AfterAsync(TimeSpan.FromSeconds(51), Ct);

        var email = Assert.Single(run.Graph.Requests, r => r.To.Contains(Sam));
        Assert.StartsWith("[SocialMonitor] Hayden, critical: A threat of violence and 1 more", email.Subject, StringComparison.Ordinal);
    }
}
