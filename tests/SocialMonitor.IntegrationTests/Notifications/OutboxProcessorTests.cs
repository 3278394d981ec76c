using SocialMonitor.Core.Accounts;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Notifications;
using SocialMonitor.Core.Queues;
using SocialMonitor.Core.Storage;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Notifications;

/// <summary>The outbox owns retries: back-off, giving up with a capture finding, a crash resent as a possible duplicate.</summary>
public sealed class OutboxProcessorTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset s_thursday = new(2026, 10, 15, 18, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ProcessAsync_CrashBetweenSendAndMark_SentOnceMoreAfterTheTimeoutMarkedAsPossibleDuplicate()
    {
        await using var run = await MailRun.StartAsync(azurite, s_thursday, Ct, sendingTimeoutMinutes: 15);
        await run.RecordAsync("bookmobile", "conduct.threat", "high", Ct);
        using var crash = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        run.Graph.OnRequest = _ => crash.Cancel(); // Graph has the email; the worker dies before it records that.

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.DrainAsync(crash.Token));
        run.Graph.OnRequest = null;
        var email = Assert.Single(await run.Get<Outbox>().ListUnsentAsync(Ct));
        Assert.Equal(OutboxStates.Sending, email.State);

        run.Time.Advance(TimeSpan.FromMinutes(10));
        await run.HourlyAsync(Ct); // Within the timeout: it may still be sending, so nothing is sent.
        Assert.Single(run.Graph.Requests);

        run.Time.Advance(TimeSpan.FromMinutes(6));
        await run.HourlyAsync(Ct);
        await run.HourlyAsync(Ct);

        Assert.Equal(2, run.Graph.Requests.Count);
        Assert.Equal("[Possible duplicate] " + run.Graph.Requests[0].Subject, run.Graph.Requests[1].Subject);
        Assert.Contains("Possible duplicate:", run.Graph.Requests[1].Html, StringComparison.Ordinal);
        var sent = await run.Get<Outbox>().GetAsync(email.Id, Ct);
        Assert.Equal((OutboxStates.Sent, true, 2), (sent!.State, sent.PossibleDuplicate, sent.Attempts));
    }

    [Fact]
    public async Task ProcessAsync_GraphFailsEveryTime_BacksOffThenGivesUpWithACaptureFinding()
    {
        await using var run = await MailRun.StartAsync(azurite, s_thursday, Ct);
        run.Graph.Answer = _ => new GraphAnswer(500, "generalException", "General exception while processing.");
        await run.RecordAsync("hayden", "conduct.threat", "critical", Ct);
        await run.DrainAsync(Ct);
        var first = (await run.Get<Outbox>().ListUnsentAsync(Ct)).Single(e => e.To == "sam.lee@example.org");
        var processor = run.Get<OutboxProcessor>();
        var sends = run.Graph.Requests.Count(r => r.To.Contains("sam.lee@example.org"));
        Assert.Equal((OutboxStates.Pending, 1, s_thursday.AddMinutes(1)), (first.State, first.Attempts, first.NextAttemptAt));

        await processor.ProcessAsync(new OutboxMessage(first.Id), Ct); // Too early: the back-off holds it.
        Assert.Equal(sends, run.Graph.Requests.Count(r => r.To.Contains("sam.lee@example.org")));
        foreach (var wait in OutboxProcessor.Backoff)
        {
            run.Time.Advance(wait);
            await processor.ProcessAsync(new OutboxMessage(first.Id), Ct);
        }

        Assert.Equal(OutboxProcessor.MaxAttempts, run.Graph.Requests.Count(r => r.To.Contains("sam.lee@example.org")));
        var failed = await run.Get<Outbox>().GetAsync(first.Id, Ct);
        Assert.Equal((OutboxStates.Failed, OutboxProcessor.MaxAttempts), (failed!.State, failed.Attempts));
        Assert.Contains("500 generalException", failed.LastError, StringComparison.Ordinal);
        var capture = await CaptureFindingAsync(run, "hayden", first.Id);
        Assert.Equal("high", capture.Severity);
        Assert.Contains($"failed {OutboxProcessor.MaxAttempts} times", capture.Evidence, StringComparison.Ordinal);
        Assert.Contains($"notify resend {first.Id}", capture.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessAsync_Graph429EveryTime_OnlyGraphsOwnRetriesThenTheOutboxWaits()
    {
        await using var run = await MailRun.StartAsync(azurite, s_thursday, Ct);
        run.Graph.Answer = _ => new GraphAnswer(429, "TooManyRequests", "Please retry again later.", RetryAfter: 0);

        await run.RecordAsync("bookmobile", "conduct.threat", "high", Ct);
        await run.DrainAsync(Ct);

        Assert.Equal(4, run.Graph.Requests.Count); // One send: the SDK's try and its 3 retries, and no second layer.
        var email = Assert.Single(await run.Get<Outbox>().ListUnsentAsync(Ct));
        Assert.Equal((OutboxStates.Pending, 1, s_thursday.AddMinutes(1)), (email.State, email.Attempts, email.NextAttemptAt));
    }

    [Fact]
    public async Task ProcessAsync_Graph403_GivesUpAtOnceWithACaptureFindingAndResendWorksOnceFixed()
    {
        await using var run = await MailRun.StartAsync(azurite, s_thursday, Ct);
        run.Graph.Answer = _ => new GraphAnswer(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
        await run.RecordAsync("bookmobile", "conduct.threat", "high", Ct);
        await run.DrainAsync(Ct);

        var email = await run.Get<Outbox>().GetAsync(run.Graph.Requests[0].EmailId, Ct);
        Assert.Equal((OutboxStates.Failed, 1), (email!.State, email.Attempts));
        // The Bookmobile has no manager, so its email went to the coordinator: the failure is district-wide.
        var capture = await CaptureFindingAsync(run, Locations.District, email.Id);
        Assert.Contains("Mail.Send", capture.Evidence, StringComparison.Ordinal);

        run.Graph.Answer = null;
        Assert.True(await run.Get<Outbox>().ResendAsync(email.Id, Ct));
        await run.DrainAsync(Ct);
        Assert.Equal(OutboxStates.Sent, (await run.Get<Outbox>().GetAsync(email.Id, Ct))!.State);
    }

    [Fact]
    public async Task ProcessAsync_CoordinatorDigestRefused_FailureIsDistrictWideNotUnderTheEmailsFirstLocation()
    {
        await using var run = await MailRun.StartAsync(azurite, s_thursday, Ct);
        run.Graph.Answer = _ => new GraphAnswer(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
        await run.RecordAsync("hayden", "governance.roles", "medium", Ct); // Governance goes to the coordinator, in the digest.

        var sent = await run.HourlyUntilAsync(s_thursday.AddDays(1), Ct);

        // The first email to the coordinator is the digest; the second is the mail failure's own alert.
        var digest = sent.First(s => s.Email.To.Contains("coordinator@example.org")).Email;
        var email = await run.Get<Outbox>().GetAsync(digest.EmailId, Ct);
        Assert.Equal((EmailKinds.Digest, OutboxStates.Failed), (email!.Kind, email.State));
        Assert.Contains("hayden", email.Locations);
        var capture = await CaptureFindingAsync(run, Locations.District, email.Id);
        Assert.Equal(Locations.District, capture.Location);
        foreach (var location in email.Locations)
        {
            await Assert.ThrowsAsync<Xunit.Sdk.XunitException>(() => CaptureFindingAsync(run, location, email.Id));
        }
    }

    [Fact]
    public async Task EnqueueAsync_CommentWithScriptAndPhone_ArchivedAndSentEscapedAndMaskedInBothParts()
    {
        await using var run = await MailRun.StartAsync(azurite, s_thursday, Ct);
        await run.RecordAsync("bookmobile", "pii.phone", "high", Ct, evidence: "<script>alert('x')</script> Call Dana at 208-555-0199");
        await run.DrainAsync(Ct);

        var sent = Assert.Single(run.Graph.Requests);
        var row = (await run.Get<Outbox>().GetAsync(sent.EmailId, Ct))!;
        var archived = await run.Get<Outbox>().ReadArchiveAsync(row, Ct);
        Assert.Equal((archived.Html, archived.Text), (sent.Html, sent.Text));
        foreach (var part in new[] { sent.Html, sent.Text, archived.Html, archived.Text })
        {
            Assert.DoesNotContain("555-0199", part, StringComparison.Ordinal);
            Assert.Contains("(***) ***-**99", part, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("<script", sent.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", sent.Html, StringComparison.Ordinal);
        Assert.StartsWith($"{s_thursday:yyyy/MM/dd}/", row.Archive, StringComparison.Ordinal);
    }

    private static async Task<Finding> CaptureFindingAsync(MailRun run, string location, string emailId)
    {
        var table = await run.Get<StorageClients>().TableAsync(TableNames.Findings, Ct);
        var rows = table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {location} and Rule eq {OutboxProcessor.MailFailedRule}"), cancellationToken: Ct);
        await foreach (var row in rows)
        {
            var finding = await run.Get<FindingStore>().GetAsync(location, row.RowKey, Ct);
            if (finding!.ItemId == $"outbox/{emailId}")
            {
                return finding;
            }
        }
        throw new Xunit.Sdk.XunitException($"No {OutboxProcessor.MailFailedRule} finding for email {emailId}.");
    }
}
