using Azure.Data.Tables;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Notifications;
using SocialMonitor.Core.Storage;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Notifications;

/// <summary>
/// Issue 15: the rows of <c>Outbox</c> (emails, bundle pointers and members), <c>DigestItems</c> and
/// <c>EscalationWatch</c> keep their columns and types, and rows written before the typed rows read the same.
/// </summary>
public sealed class OutboxRowTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Sam = "sam.lee@example.org";
    private static readonly DateTimeOffset s_thursday = new(2026, 10, 15, 18, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static TableEntity TodaysEmail(string id, bool full)
    {
        var row = new TableEntity(Outbox.Partition, id)
        {
            ["Id"] = id, ["Kind"] = EmailKinds.Immediate, ["To"] = Sam, ["ToName"] = "Sam Lee", ["FindingIds"] = "f-1,f-2", ["Locations"] = "hayden",
            ["Rules"] = "pii.phone,pii.email", ["Subject"] = "[SocialMonitor] Hayden", ["Archive"] = $"2026/10/15/{id}.eml", ["CreatedAt"] = s_thursday,
            ["State"] = OutboxStates.Pending, ["Attempts"] = 0, ["PossibleDuplicate"] = false,
        };
        if (full)
        {
            row["State"] = OutboxStates.Failed;
            row["Attempts"] = 3;
            row["NextAttemptAt"] = s_thursday.AddMinutes(1);
            row["SendingSince"] = s_thursday.AddMinutes(2);
            row["SentAt"] = s_thursday.AddMinutes(3);
            row["PossibleDuplicate"] = true;
            row["LastError"] = "Graph said 503";
        }
        return row;
    }

    [Fact]
    public async Task OutboxGetAsync_EmailRowInTodaysShape_ReadsTheSame()
    {
        await using var run = await MailRun.StartAsync(azurite, s_thursday, Ct);
        await RawRows.PutAsync(azurite, TableNames.Outbox, TodaysEmail("e-full", full: true), Ct);
        await RawRows.PutAsync(azurite, TableNames.Outbox, TodaysEmail("e-bare", full: false), Ct);
        await RawRows.PutAsync(azurite, TableNames.Outbox, new TableEntity(Outbox.Partition, "e-empty")
        {
            ["Id"] = "e-empty", ["Kind"] = EmailKinds.Digest, ["To"] = Sam, ["ToName"] = "Sam Lee", ["FindingIds"] = "", ["Locations"] = "", ["Rules"] = "",
            ["Subject"] = "s", ["Archive"] = "a", ["CreatedAt"] = s_thursday, ["State"] = OutboxStates.Pending,
        }, Ct);

        var full = await run.Get<Outbox>().GetAsync("e-full", Ct);
        var bare = await run.Get<Outbox>().GetAsync("e-bare", Ct);
        var empty = await run.Get<Outbox>().GetAsync("e-empty", Ct);

        Assert.Equal(("e-full", EmailKinds.Immediate, Sam, "Sam Lee", "[SocialMonitor] Hayden", "2026/10/15/e-full.eml", s_thursday),
            (full!.Id, full.Kind, full.To, full.ToName, full.Subject, full.Archive, full.CreatedAt));
        Assert.Equal(["f-1", "f-2"], full.FindingIds);
        Assert.Equal(["hayden"], full.Locations);
        Assert.Equal(["pii.phone", "pii.email"], full.Rules);
        Assert.Equal((OutboxStates.Failed, 3, s_thursday.AddMinutes(1), s_thursday.AddMinutes(2), s_thursday.AddMinutes(3), true, "Graph said 503"),
            (full.State, full.Attempts, full.NextAttemptAt, full.SendingSince, full.SentAt, full.PossibleDuplicate, full.LastError));
        Assert.Equal((OutboxStates.Pending, 0, null, null, null, false, null),
            (bare!.State, bare.Attempts, bare.NextAttemptAt, bare.SendingSince, bare.SentAt, bare.PossibleDuplicate, bare.LastError));
        Assert.Equal((0, false), (empty!.Attempts, empty.PossibleDuplicate));
        Assert.Empty(empty.FindingIds);
        Assert.Empty(empty.Rules);
        Assert.Equal(["e-bare", "e-empty"], (await run.Get<Outbox>().ListUnsentAsync(Ct)).Select(e => e.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task OutboxTryUpdateAsync_RoundTrip_WritesTodaysColumnsWithTheETag()
    {
        await using var run = await MailRun.StartAsync(azurite, s_thursday, Ct);
        var outbox = run.Get<Outbox>();
        await RawRows.PutAsync(azurite, TableNames.Outbox, TodaysEmail("e-1", full: false), Ct);
        var read = (await outbox.GetAsync("e-1", Ct))!;

        var etag = await outbox.TryUpdateAsync(read with
        {
            State = OutboxStates.Failed, Attempts = 3, NextAttemptAt = s_thursday.AddMinutes(1), SendingSince = s_thursday.AddMinutes(2),
            SentAt = s_thursday.AddMinutes(3), PossibleDuplicate = true, LastError = "Graph said 503",
        }, Ct);
        var stale = await outbox.TryUpdateAsync(read with { Attempts = 9 }, Ct);
        var bareEtag = await outbox.TryUpdateAsync((await outbox.GetAsync("e-1", Ct))! with
        {
            State = OutboxStates.Pending, Attempts = 0, NextAttemptAt = null, SendingSince = null, SentAt = null, PossibleDuplicate = false, LastError = null,
        }, Ct);

        Assert.NotNull(etag);
        Assert.Null(stale);
        Assert.NotNull(bareEtag);
        var raw = await RawRows.GetAsync(azurite, TableNames.Outbox, Outbox.Partition, "e-1", Ct);
        Assert.Equal("Archive:String, Attempts:Int32, CreatedAt:DateTimeOffset, FindingIds:String, Id:String, Kind:String, Locations:String, "
            + "PossibleDuplicate:Boolean, Rules:String, State:String, Subject:String, To:String, ToName:String", RawRows.Columns(raw));
        Assert.Equal(("f-1,f-2", "pii.phone,pii.email"), (raw.GetString("FindingIds"), raw.GetString("Rules")));
        var again = (await outbox.GetAsync("e-1", Ct))!;
        Assert.Equal(raw.ETag, again.ETag);
        Assert.Equal(bareEtag, again.ETag);
        Assert.Equal(["f-1", "f-2"], again.FindingIds);
    }

    [Fact]
    public async Task OutboxTryUpdateAsync_AllColumnsSet_WritesEachWithItsType()
    {
        await using var run = await MailRun.StartAsync(azurite, s_thursday, Ct);
        var outbox = run.Get<Outbox>();
        await RawRows.PutAsync(azurite, TableNames.Outbox, TodaysEmail("e-1", full: false), Ct);

        await outbox.TryUpdateAsync((await outbox.GetAsync("e-1", Ct))! with
        {
            State = OutboxStates.Failed, Attempts = 3, NextAttemptAt = s_thursday.AddMinutes(1), SendingSince = s_thursday.AddMinutes(2),
            SentAt = s_thursday.AddMinutes(3), PossibleDuplicate = true, LastError = "Graph said 503",
        }, Ct);

        Assert.Equal(RawRows.Columns(TodaysEmail("x", full: true)),
            RawRows.Columns(await RawRows.GetAsync(azurite, TableNames.Outbox, Outbox.Partition, "e-1", Ct)));
    }

    [Fact]
    public async Task ImmediateBundler_PointerAndMemberRowsInTodaysShape_TheNextFindingJoinsTheirEmail()
    {
        await using var run = await MailRun.StartAsync(azurite, s_thursday, Ct, bundleSeconds: 60);
        var first = await run.RecordAsync("hayden", "conduct.threat", "high", Ct);
        await run.DrainAsync(Ct);
        var emailId = Assert.Single(await run.Get<Outbox>().ListUnsentAsync(Ct), e => e.To == Sam).Id;
        // Rows as the bundler wrote them before the typed rows; the member row of a time before reopenings had no FindingId.
        await RawRows.PutAsync(azurite, TableNames.Outbox, new TableEntity("open", Sam) { ["EmailId"] = emailId }, Ct);
        await RawRows.PutAsync(azurite, TableNames.Outbox, new TableEntity("for-" + Sam, first.Id) { ["EmailId"] = emailId, ["Location"] = "hayden" }, Ct);

        var second = await run.RecordAsync("hayden", "pii.phone", "high", Ct);
        await run.DrainAsync(Ct);

        var email = (await run.Get<Outbox>().GetAsync(emailId, Ct))!;
        Assert.Equal([second.Id, first.Id], email.FindingIds);
    }

    [Fact]
    public async Task ImmediateBundler_RoundTrip_WritesTodaysColumns()
    {
        await using var run = await MailRun.StartAsync(azurite, s_thursday, Ct, bundleSeconds: 60);
        var first = await run.RecordAsync("hayden", "conduct.threat", "high", Ct);
        var second = await run.RecordAsync("hayden", "pii.phone", "high", Ct);
        await run.DrainAsync(Ct);

        var pointer = await RawRows.GetAsync(azurite, TableNames.Outbox, "open", Sam, Ct);
        var members = await RawRows.PartitionAsync(azurite, TableNames.Outbox, "for-" + Sam, Ct);
        Assert.Equal("EmailId:String", RawRows.Columns(pointer));
        Assert.Equal(2, members.Count);
        Assert.All(members, m => Assert.Equal("EmailId:String, FindingId:String, Location:String", RawRows.Columns(m)));
        Assert.Equal(new[] { first.Id, second.Id }.Order(StringComparer.Ordinal), members.Select(m => m.GetString("FindingId")).Order(StringComparer.Ordinal));
        var email = (await run.Get<Outbox>().GetAsync(pointer.GetString("EmailId"), Ct))!;
        Assert.Equal(2, email.FindingIds.Count);
    }

    [Fact]
    public async Task DigestBacklog_RowInTodaysShape_IsSentInTheDigest()
    {
        await using var run = await MailRun.StartAsync(azurite, s_thursday, Ct);
        var finding = await run.RecordAsync("hayden", "pii.phone", "low", Ct);
        await run.DrainAsync(Ct);
        var dana = new Person { Name = "Dana Cole", Email = "dana.cole@example.org", DigestHour = 8 };
        await RawRows.PutAsync(azurite, TableNames.DigestItems, new TableEntity("dana.cole@example.org", finding.Id)
        {
            ["Location"] = "hayden", ["QueuedAt"] = s_thursday, ["Person"] = Core.Items.ItemJson.Serialize(dana),
        }, Ct);

        await run.Get<DigestBacklog>().SendDueAsync(s_thursday.AddDays(1), Ct);

        var digest = Assert.Single(await run.Get<Outbox>().ListUnsentAsync(Ct), e => e.To == dana.Email);
        Assert.Equal((EmailKinds.Digest, "Dana Cole"), (digest.Kind, digest.ToName));
        Assert.Equal([finding.Id], digest.FindingIds);
        Assert.Empty(await RawRows.PartitionAsync(azurite, TableNames.DigestItems, "dana.cole@example.org", Ct));
    }

    [Fact]
    public async Task DigestBacklog_RoundTrip_WritesTodaysColumnsAndSendsTheDigest()
    {
        await using var run = await MailRun.StartAsync(azurite, s_thursday, Ct);
        var finding = await run.RecordAsync("hayden", "pii.phone", "low", Ct);
        await run.DrainAsync(Ct);
        var dana = new Person { Name = "Dana Cole", Email = "Dana.Cole@example.org ", DigestHour = 8 };

        await run.Get<DigestBacklog>().AddAsync(dana, finding, s_thursday, Ct);
        var raw = await RawRows.GetAsync(azurite, TableNames.DigestItems, "dana.cole@example.org", finding.Id, Ct);
        await run.Get<DigestBacklog>().SendDueAsync(s_thursday.AddDays(1), Ct);

        Assert.Equal("Location:String, Person:String, QueuedAt:DateTimeOffset", RawRows.Columns(raw));
        Assert.Equal((s_thursday, "hayden"), (raw.GetDateTimeOffset("QueuedAt"), raw.GetString("Location")));
        var digest = Assert.Single(await run.Get<Outbox>().ListUnsentAsync(Ct), e => e.ToName == "Dana Cole");
        Assert.Equal([finding.Id], digest.FindingIds);
    }

    [Fact]
    public async Task Escalations_WatchRowInTodaysShape_IsEscalated()
    {
        await using var run = await MailRun.StartAsync(azurite, s_thursday, Ct);
        var finding = await run.RecordAsync("hayden", "conduct.threat", "high", Ct);
        await run.DrainAsync(Ct);
        await RawRows.PutAsync(azurite, TableNames.EscalationWatch, new TableEntity("watch", finding.Id) { ["Location"] = "hayden" }, Ct);

        var escalated = await run.Get<Escalations>().CheckAsync(s_thursday.AddDays(7), Ct);

        Assert.Equal(1, escalated);
        Assert.Equal(FindingStatuses.Escalated, (await run.Get<FindingStore>().GetAsync("hayden", finding.Id, Ct))!.Status);
        Assert.Empty(await RawRows.PartitionAsync(azurite, TableNames.EscalationWatch, "watch", Ct));
    }

    [Fact]
    public async Task Escalations_RoundTrip_WritesTodaysColumns()
    {
        await using var run = await MailRun.StartAsync(azurite, s_thursday, Ct);
        var finding = await run.RecordAsync("hayden", "conduct.threat", "high", Ct);
        await run.DrainAsync(Ct);

        await run.Get<Escalations>().WatchAsync(finding, Ct);
        var raw = await RawRows.GetAsync(azurite, TableNames.EscalationWatch, "watch", finding.Id, Ct);

        Assert.Equal("Location:String", RawRows.Columns(raw));
        Assert.Equal("hayden", raw.GetString("Location"));
        Assert.Equal(1, await run.Get<Escalations>().CheckAsync(s_thursday.AddDays(7), Ct));
    }
}
