using SocialMonitor.Core.Audit;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Queues;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Notifications;

/// <summary>Routing, timing and once-only delivery, end to end: notify queue → outbox → loopback Graph.</summary>
public sealed class NotifierTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Sam = "sam.lee@example.org";
    private const string Alex = "alex.rivera@example.org";
    private const string Coordinator = "coordinator@example.org";

    // Thursday 2026-10-15 11:00 in Los Angeles (UTC-7).
    private static readonly DateTimeOffset s_thursday = new(2026, 10, 15, 18, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("hayden", "conduct.threat", Sam)] // A manager's location: its managers who want it at once.
    [InlineData("hayden", "governance.roles", Coordinator)] // Governance: the coordinator.
    [InlineData("hayden", "capture.token-expired", Coordinator)] // The monitor itself: the coordinator.
    [InlineData("bookmobile", "conduct.threat", Coordinator)] // A location without managers: the coordinator.
    public async Task NotifyAsync_HighFinding_EmailedAtOnceToTheRightPerson(string location, string rule, string expected)
    {
        await using var run = await MailRun.StartAsync(azurite, s_thursday, Ct);

        var finding = await run.RecordAsync(location, rule, "high", Ct);
        await run.DrainAsync(Ct);

        var email = Assert.Single(run.Graph.Requests);
        Assert.Equal([expected], email.To);
        Assert.StartsWith("[SocialMonitor] ", email.Subject, StringComparison.Ordinal);
        Assert.Contains(", high: ", email.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain(rule, email.Subject, StringComparison.Ordinal); // In words, never the rule id.
        Assert.Contains(finding.Id, email.Html, StringComparison.Ordinal);
        Assert.NotNull((await run.Get<FindingStore>().GetAsync(location, finding.Id, Ct))!.NotifiedAt);
    }

    [Fact]
    public async Task NotifyAsync_HighFindingForAManagerWhoWantsItInTheDigest_ComesInTheirDigestAtTheirHour()
    {
        await using var run = await MailRun.StartAsync(azurite, s_thursday, Ct);
        var finding = await run.RecordAsync("hayden", "conduct.threat", "high", Ct);
        await run.DrainAsync(Ct);

        var sent = await run.HourlyUntilAsync(s_thursday.AddHours(8), Ct);

        Assert.Equal([Sam], Assert.Single(run.Graph.Requests.Take(1)).To);
        var digest = Assert.Single(sent, s => s.Email.To.Contains(Alex));
        Assert.Equal(new DateTimeOffset(2026, 10, 15, 23, 0, 0, TimeSpan.Zero), digest.At); // 16:00 local.
        Assert.Equal("[SocialMonitor] Daily digest - Hayden: 1 finding, worst high", digest.Email.Subject);
        Assert.Contains(finding.Id, digest.Email.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotifyAsync_SameMessageDeliveredThreeTimes_OneEmail()
    {
        await using var run = await MailRun.StartAsync(azurite, s_thursday, Ct);
        var finding = await run.RecordAsync("hayden", "conduct.threat", "critical", Ct);
        var queue = run.Get<QueueSender>();
        await queue.SendAsync(QueueNames.Notify, new NotifyMessage("hayden", finding.Id), Ct);
        await queue.SendAsync(QueueNames.Notify, new NotifyMessage("hayden", finding.Id), Ct);

        await run.DrainAsync(Ct);
        await run.HourlyAsync(Ct);

        // Sam and Alex both take critical at once: one email each, never two.
        Assert.Equal([Alex, Sam], run.Graph.Requests.SelectMany(r => r.To).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task NotifyAsync_LowFinding_OnlyInTheDigestOfWhoeverWantsLowFindings()
    {
        await using var run = await MailRun.StartAsync(azurite, s_thursday, Ct);
        await run.RecordAsync("hayden", "accessibility.alt-text", "low", Ct);
        await run.DrainAsync(Ct);

        var sent = await run.HourlyUntilAsync(s_thursday.AddDays(1), Ct);

        Assert.DoesNotContain(run.Graph.Requests, r => r.To.Contains(Alex)); // Alex: low findings never.
        var digest = Assert.Single(sent, s => s.Email.To.Contains(Sam));
        Assert.Equal(new DateTimeOffset(2026, 10, 16, 15, 0, 0, TimeSpan.Zero), digest.At); // Friday 08:00 local.
        Assert.Contains("worst low", digest.Email.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Digest_FindingOnFridayBeforeAWeekendAndHoliday_ComesAtEachPersonsNextBusinessDayHour()
    {
        var friday = new DateTimeOffset(2026, 11, 13, 18, 0, 0, TimeSpan.Zero); // 10:00 local (UTC-8), after Sam's 08:00, before Alex's 16:00.
        await using var run = await MailRun.StartAsync(azurite, friday, Ct);
        var finding = await run.RecordAsync("hayden", "conduct.profanity", "medium", Ct);
        await run.DrainAsync(Ct);

        var sent = await run.HourlyUntilAsync(new DateTimeOffset(2026, 11, 17, 18, 0, 0, TimeSpan.Zero), Ct);

        var alex = Assert.Single(sent, s => s.Email.To.Contains(Alex));
        Assert.Equal(new DateTimeOffset(2026, 11, 14, 0, 0, 0, TimeSpan.Zero), alex.At); // Friday 16:00 local.
        var sam = Assert.Single(sent, s => s.Email.To.Contains(Sam));
        Assert.Equal(new DateTimeOffset(2026, 11, 17, 16, 0, 0, TimeSpan.Zero), sam.At); // Not Saturday, Sunday or Monday's holiday: Tuesday 08:00.
        Assert.All([alex, sam], s => Assert.Contains(finding.Id, s.Email.Html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Escalation_HighFindingOpenAcrossAWeekendAndHoliday_OnceToTheCoordinatorWhenTheBusinessHoursRunOut()
    {
        var friday = new DateTimeOffset(2026, 11, 13, 23, 0, 0, TimeSpan.Zero); // 15:00 local: 2 business hours left on Friday.
        await using var run = await MailRun.StartAsync(azurite, friday, Ct);
        var open = await run.RecordAsync("hayden", "conduct.threat", "high", Ct);
        var acknowledged = await run.RecordAsync("hayden", "conduct.harassment", "high", Ct);
        await run.DrainAsync(Ct);
        await run.Get<FindingStore>().UpdateAsync("hayden", acknowledged.Id, f => f with { Status = FindingStatuses.Acknowledged }, Ct);

        var sent = await run.HourlyUntilAsync(new DateTimeOffset(2026, 11, 18, 2, 0, 0, TimeSpan.Zero), Ct);

        // 2 hours on Friday, none on the weekend or Monday's holiday, 6 on Tuesday: due Tuesday 14:00 local.
        var escalation = Assert.Single(sent, s => s.Email.Subject.Contains("Escalated", StringComparison.Ordinal));
        Assert.Equal(new DateTimeOffset(2026, 11, 17, 22, 0, 0, TimeSpan.Zero), escalation.At);
        Assert.Equal([Coordinator], escalation.Email.To);
        Assert.Contains(open.Id, escalation.Email.Html, StringComparison.Ordinal);
        Assert.Contains("not acknowledged within 8 business hours", escalation.Email.Subject, StringComparison.Ordinal);
        Assert.Equal(FindingStatuses.Escalated, (await run.Get<FindingStore>().GetAsync("hayden", open.Id, Ct))!.Status);
        Assert.Equal(FindingStatuses.Acknowledged, (await run.Get<FindingStore>().GetAsync("hayden", acknowledged.Id, Ct))!.Status);
        var entry = Assert.Single(await run.Get<AuditLog>().HistoryAsync("finding", open.Id, Ct));
        Assert.Equal(("system", "escalated"), (entry.Actor, entry.Action));
    }
}
