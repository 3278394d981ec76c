using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Audit;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Notifications;
using SocialMonitor.Core.Policies;
using SocialMonitor.Core.Records;
using SocialMonitor.Core.Scanning;
using SocialMonitor.Core.Storage;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Records;

/// <summary>
/// The retention run on Azurite: off by default; with periods, exactly the records past them removed and written to
/// the audit log; held records kept until the hold is lifted; a blob storage refuses to delete kept and retried.
/// </summary>
public sealed class RetentionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Hayden = "cln-hayden-fb";
    private const string Bookmobile = "cln-bookmobile-fb";

    private static readonly RetentionPolicy s_thirtyDays = new() { Items = 30, RawAnswers = 30, Emails = 30, Findings = 30, Audit = 30 };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Well after now: Azurite stamps a blob's creation with the wall clock, so answers archived now are old at the run.</summary>
    private static DateTimeOffset RunAt { get; } = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(400).AddHours(12);

    private static DateTimeOffset Cutoff => RunAt.AddDays(-30);

    [Fact]
    public async Task RunAsync_ShippedPolicy_RetentionIsOffAndNothingIsRemoved()
    {
        var (services, time) = await StartAsync(retention: null);
        await using var _ = services;
        await SeedAsync(services, time);
        var before = await StoredAsync(services);

        var report = await services.GetRequiredService<RetentionJob>().RunAsync(dryRun: false, Ct);

        Assert.False(services.GetRequiredService<Policy>().Retention.Any);
        Assert.True(report.Off);
        Assert.Equal(before, await StoredAsync(services));
        Assert.Empty(await RetentionEntriesAsync(services));
    }

    [Fact]
    public async Task RunAsync_PeriodsSet_RemovesExactlyWhatIsPastThemAndLogsIt()
    {
        var (services, time) = await StartAsync(s_thirtyDays);
        await using var _ = services;
        await SeedAsync(services, time);
        var before = await StoredAsync(services);
        var pastAudit = new List<string>();
        await foreach (var entry in services.GetRequiredService<AuditLog>().ListBeforeAsync(Cutoff, Ct))
        {
            pastAudit.Add("audit:" + entry.Id);
        }

        var report = await services.GetRequiredService<RetentionJob>().RunAsync(dryRun: false, Ct);

        var removed = before.Except(await StoredAsync(services)).Order(StringComparer.Ordinal).ToList();
        string[] expected =
        [
            "item:old-item", $"blob:archive/{ItemHistory.Folder("facebook", "old-item")}v000001.json", "history:facebook|v000001:old-item",
            $"blob:archive/{Page(Hayden, "old")}", $"blob:archive/log/facebook/{Hayden}/2026-10-15.jsonl",
            "email:old-email", .. MailArchive(before, "old-email"), "finding:old-finding", .. pastAudit,
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), removed);
        Assert.Contains(pastAudit, e => e.Length > 0); // The seeded old entry and the import's entries were all past.
        var series = report.Series.ToDictionary(s => s.Name);
        Assert.Equal(["facebook:old-item"], series[RetentionJob.Items].Removed);
        Assert.Equal(["old-email"], series[RetentionJob.Emails].Removed);
        Assert.Equal(["old-finding"], series[RetentionJob.Findings].Removed);
        // The open finding, older than the period, is never removed (nor the import's open capture finding).
        Assert.DoesNotContain("finding:open-finding", removed);
        Assert.Contains("finding:open-finding", before);
        // Both answers a log names after the cutoff: the one seen again, and the new one (its blob, stamped by the wall clock, is older).
        Assert.Equal(2, series[RetentionJob.RawAnswers].InUse);

        var entries = await RetentionEntriesAsync(services);
        foreach (var done in report.Series)
        {
            var ids = entries.Where(e => e.SubjectId == done.Name)
                .SelectMany(e => JsonDocument.Parse(e.After!).RootElement.GetProperty("ids").EnumerateArray().Select(i => i.GetString()!));
            Assert.Equal(done.Removed.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        }
        Assert.All(entries, e => Assert.Equal((Actors.System, RetentionJob.Removed), (e.Actor, e.Action)));
    }

    [Fact]
    public async Task RunAsync_DryRun_ReportsWhatWouldGoAndRemovesNothing()
    {
        var (services, time) = await StartAsync(s_thirtyDays);
        await using var _ = services;
        await SeedAsync(services, time);
        var before = await StoredAsync(services);

        var report = await services.GetRequiredService<RetentionJob>().RunAsync(dryRun: true, Ct);

        Assert.Equal(["facebook:old-item"], report.Series.Single(s => s.Name == RetentionJob.Items).Removed);
        Assert.Equal(before, await StoredAsync(services));
        Assert.Empty(await RetentionEntriesAsync(services));
    }

    [Fact]
    public async Task RunAsync_HoldOnAnAccount_KeepsItsRecordsUntilLiftedThenRemovesThem()
    {
        var (services, time) = await StartAsync(s_thirtyDays);
        await using var _ = services;
        await RecordsData.SeedAsync(services, "old", Hayden, Ct);
        await RecordsData.SeedAsync(services, "oldbm", Bookmobile, Ct);
        time.SetUtcNow(RunAt);
        var holds = services.GetRequiredService<LegalHoldService>();
        var hold = await holds.PlaceAsync(new LegalHoldRequest { Account = Hayden, Reason = "Public records request PRR-2026-118" }, "coordinator@example.org", Ct);
        var job = services.GetRequiredService<RetentionJob>();

        var held = (await job.RunAsync(dryRun: false, Ct)).Series.ToDictionary(s => s.Name);

        Assert.Equal("hayden", hold.Location); // An account's hold is also its location's.
        Assert.Equal(["facebook:oldbm-item"], held[RetentionJob.Items].Removed);
        Assert.Equal(["oldbm-email"], held[RetentionJob.Emails].Removed);
        Assert.Equal(["oldbm-finding"], held[RetentionJob.Findings].Removed);
        Assert.Equal((1, 1, 1), (held[RetentionJob.Items].Held, held[RetentionJob.Emails].Held, held[RetentionJob.Findings].Held));
        Assert.DoesNotContain(held[RetentionJob.RawAnswers].Removed, n => n.Contains(Hayden, StringComparison.Ordinal));
        Assert.Contains(held[RetentionJob.RawAnswers].Removed, n => n.Contains(Bookmobile, StringComparison.Ordinal));
        Assert.NotNull(await services.GetRequiredService<ItemIndex>().GetAsync(Hayden, "old-item", Ct));
        Assert.NotNull(await services.GetRequiredService<FindingStore>().GetAsync("hayden", "old-finding", Ct));

        await holds.LiftAsync(hold.Id, "Request fulfilled", "coordinator@example.org", coordinator: true, Ct);
        var lifted = (await job.RunAsync(dryRun: false, Ct)).Series.ToDictionary(s => s.Name);

        Assert.Equal(["facebook:old-item"], lifted[RetentionJob.Items].Removed);
        Assert.Equal(["old-email"], lifted[RetentionJob.Emails].Removed);
        Assert.Equal(["old-finding"], lifted[RetentionJob.Findings].Removed);
        Assert.Contains(lifted[RetentionJob.RawAnswers].Removed, n => n.Contains(Hayden, StringComparison.Ordinal));
        Assert.Null(await services.GetRequiredService<ItemIndex>().GetAsync(Hayden, "old-item", Ct));
        Assert.Null(await services.GetRequiredService<FindingStore>().GetAsync("hayden", "old-finding", Ct));
        Assert.Equal([LegalHoldService.Lifted, LegalHoldService.Placed],
            (await services.GetRequiredService<AuditLog>().HistoryAsync(LegalHoldService.Subject, hold.Id, Ct)).Select(e => e.Action));
    }

    [Fact]
    public async Task RunAsync_StorageRefusesTheDelete_KeepsTheRecordLogsItAndRemovesItOnTheNextRun()
    {
        var refusing = new RefusingBlobDelete($"/{ContainerNames.Archive}/items/");
        var logs = new CapturingLoggerProvider();
        var (services, time) = await StartAsync(new RetentionPolicy { Items = 30 }, refusing, logs);
        await using var _ = services;
        await RecordsData.SeedAsync(services, "old", Hayden, Ct);
        time.SetUtcNow(RunAt);
        var job = services.GetRequiredService<RetentionJob>();

        var refused = Assert.Single((await job.RunAsync(dryRun: false, Ct)).Series);

        Assert.Equal((0, 1), (refused.Removed.Count, refused.Refused));
        Assert.NotNull(await services.GetRequiredService<ItemIndex>().GetAsync(Hayden, "old-item", Ct));
        Assert.Contains(await services.GetRequiredService<ItemHistory>().ListAsync("old-item", Ct), e => e.Version == 1 && e.Item is not null);
        Assert.Contains(logs.Logs, l => l.Level == LogLevel.Warning && l.Message.Contains("storage refused to delete", StringComparison.Ordinal));
        var entry = Assert.Single(await RetentionEntriesAsync(services));
        Assert.Equal(0, JsonDocument.Parse(entry.After!).RootElement.GetProperty("removed").GetInt32());
        Assert.Equal(1, JsonDocument.Parse(entry.After!).RootElement.GetProperty("refused").GetInt32());

        refusing.Refusing = false; // The immutability period is over.
        var next = Assert.Single((await job.RunAsync(dryRun: false, Ct)).Series);

        Assert.Equal(["facebook:old-item"], next.Removed);
        Assert.Equal(0, next.Refused);
        Assert.Null(await services.GetRequiredService<ItemIndex>().GetAsync(Hayden, "old-item", Ct));
    }

    [Fact]
    public async Task RunIfDueAsync_OutsideTheRetentionHour_RunsNothing()
    {
        var (services, time) = await StartAsync(s_thirtyDays);
        await using var _ = services;
        await RecordsData.SeedAsync(services, "old", Hayden, Ct);
        var zone = services.GetRequiredService<Policy>().Zone;
        var local = TimeZoneInfo.ConvertTime(RunAt, zone);
        var atThree = new DateTimeOffset(local.Date.AddHours(3), local.Offset).AddDays(1);
        time.SetUtcNow(atThree.AddHours(-1));
        var job = services.GetRequiredService<RetentionJob>();

        Assert.Null(await job.RunIfDueAsync(Ct));
        Assert.NotNull(await services.GetRequiredService<ItemIndex>().GetAsync(Hayden, "old-item", Ct));

        time.SetUtcNow(atThree);
        Assert.NotNull(await job.RunIfDueAsync(Ct));
        Assert.Null(await services.GetRequiredService<ItemIndex>().GetAsync(Hayden, "old-item", Ct));
    }

    private async Task<(ServiceProvider Services, FakeTimeProvider Time)> StartAsync(
        RetentionPolicy? retention, HttpPipelinePolicy? storagePolicy = null, CapturingLoggerProvider? logs = null)
    {
        await azurite.ResetAsync(Ct);
        var time = new TestClock(TestHost.Start);
        var services = TestHost.Create(azurite, time: time, logs: logs, configure: s =>
        {
            if (retention is not null)
            {
                s.AddSingleton(provider => provider.GetRequiredService<PolicySource>().Load() with { Retention = retention });
            }
            if (storagePolicy is not null)
            {
                s.AddSingleton(storagePolicy);
            }
        });
        await services.GetRequiredService<AccountsImporter>().ImportAsync(AccountsFileReader.Read(SampleAccounts.Json), Ct);
        return (services, time);
    }

    /// <summary>
    /// Old records (the test clock's start) at Hayden, an open finding as old, and an answer first seen then and again
    /// a day before the run; then the same series a day before the run; the clock left at the run.
    /// </summary>
    private static async Task SeedAsync(ServiceProvider services, FakeTimeProvider time)
    {
        var account = (await services.GetRequiredService<AccountRegistry>().GetAccountAsync(Hayden, Ct))!;
        await RecordsData.SeedAsync(services, "old", Hayden, Ct);
        await services.GetRequiredService<FindingStore>().TryAddAsync(RecordsData.Finding("open", account, FindingStatuses.Open, TestHost.Start), Ct);
        await RecordsData.AnswerAsync(services, account, "again", TestHost.Start, Ct);
        time.SetUtcNow(RunAt.AddDays(-1));
        await RecordsData.SeedAsync(services, "new", Hayden, Ct);
        await RecordsData.AnswerAsync(services, account, "again", RunAt.AddDays(-1), Ct);
        time.SetUtcNow(RunAt);
    }

    /// <summary>Every record of every series, one line each: index and history rows, blobs, emails, findings, audit entries.</summary>
    private static async Task<List<string>> StoredAsync(ServiceProvider services)
    {
        var stored = new List<string>();
        await foreach (var item in services.GetRequiredService<ItemIndex>().ListAllAsync(Ct))
        {
            stored.Add("item:" + item.ItemId);
            stored.AddRange((await services.GetRequiredService<ItemHistory>().ListAsync(item.ItemId, Ct))
                .Select(e => $"history:{e.Platform}|{(e.Version is { } v ? $"v{v:D6}" : e.Event)}:{e.ItemId}"));
        }
        var storage = services.GetRequiredService<StorageClients>();
        foreach (var name in new[] { ContainerNames.Archive, ContainerNames.MailArchive })
        {
            var container = await storage.ContainerAsync(name, Ct);
            await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions(), Ct))
            {
                stored.Add($"blob:{name}/{blob.Name}");
            }
        }
        await foreach (var email in services.GetRequiredService<Outbox>().ListAllAsync(Ct))
        {
            stored.Add("email:" + email.Id);
        }
        await foreach (var finding in services.GetRequiredService<FindingStore>().ListAllAsync(Ct))
        {
            stored.Add("finding:" + finding.Id);
        }
        await foreach (var entry in services.GetRequiredService<AuditLog>().ListBeforeAsync(DateTimeOffset.MaxValue.AddDays(-1), Ct))
        {
            stored.Add("audit:" + entry.Id);
        }
        return [.. stored.Order(StringComparer.Ordinal)];
    }

    private static async Task<IReadOnlyList<AuditEntry>> RetentionEntriesAsync(ServiceProvider services) =>
        (await services.GetRequiredService<AuditLog>().ListAsync(new AuditQuery { Subject = RetentionJob.Subject }, null, 100, Ct)).Entries;

    private static string Page(string account, string tag) =>
        $"pages/facebook/{account}/{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($$"""{"data":[],"tag":"{{tag}}"}""")))}.json";

    private static IEnumerable<string> MailArchive(IEnumerable<string> stored, string emailId) =>
        stored.Where(s => s.StartsWith($"blob:{ContainerNames.MailArchive}/", StringComparison.Ordinal) && s.Contains("/" + emailId, StringComparison.Ordinal));
}
