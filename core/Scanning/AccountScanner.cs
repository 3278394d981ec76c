using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Approvals;
using SocialMonitor.Core.Archive;
using SocialMonitor.Core.Images;
using SocialMonitor.Core.Platforms;
using SocialMonitor.Core.Policies;
using SocialMonitor.Core.Queues;

namespace SocialMonitor.Core.Scanning;

/// <summary>
/// <c>scan-account</c>: reads the account's streams that are due (<see cref="AccountCapture"/>, running the client's
/// <see cref="ReadPlan"/>), archives every answer, records each stream's items (<see cref="ItemRecorder"/>: versions,
/// events, evaluation queued), looks for deletions as the plan says absence is read, and only then moves that
/// stream's cursor. A bad token, throttling beyond <c>Scan__MaxWaitSeconds</c> or a spent budget stops the account with
/// a <c>capture</c> finding (the next run resumes from its cursors); a stream the token may not read is skipped with
/// one; each is resolved when the condition clears. Whether a failure means "gone" is the client's word
/// (<see cref="PlatformErrorKind.NotFound"/>, then <see cref="IPlatformClient.IsGoneAsync"/>), never a platform's code. Anything else is thrown, so the queue retries the
/// scan: the streams already recorded are not read again, the others are, and nothing is queued twice.
/// </summary>
public sealed class AccountScanner(
    AccountRegistry registry,
    IEnumerable<IPlatformClient> clients,
    ITokenSource tokens,
    AccountCapture capture,
    CursorStore cursors,
    BudgetStore budgets,
    ItemIndex index,
    ItemRecorder recorder,
    ResponseArchive archive,
    ProfileImages images,
    CaptureConditions conditions,
    ApprovalStore approvals,
    Policy policy,
    IOptions<PlatformsOptions> platformOptions,
    TimeProvider time,
    ILogger<AccountScanner> logger)
{
    public async Task<ScanSummary> ScanAsync(ScanAccountMessage message, CancellationToken cancellationToken)
    {
        var account = await registry.GetAccountAsync(message.Account, cancellationToken);
        if (account is null)
        {
            logger.LogWarning("Account {Account} is not in the registry: nothing to scan", message.Account);
            return new ScanSummary(message.Account, "unknown", 0, 0, 0, "not in the registry");
        }
        if (account.Personal && !await ConsentedAsync(account, cancellationToken))
        {
            // Consent withdrawn (or never recorded): the account is no longer read; what was captured stays.
            logger.LogWarning("Account {Account} is a staff member's personal account without an accounts approval in force (their consent): not read",
                account.Id);
            return await EndAsync(account, new ScanSummary(account.Id, account.Platform, 0, 0, 0, "personal account without consent"), cancellationToken);
        }
        if (clients.For(platformOptions.Value, account.Platform) is not { } client)
        {
            logger.LogWarning("Account {Account} is on {Platform}, which is not enabled or has no client yet: not scanned", account.Id, account.Platform);
            // Recorded as a scan that ran: a platform switched off is a choice (or "cannot verify"), not a monitor that stopped.
            return await EndAsync(account, new ScanSummary(account.Id, account.Platform, 0, 0, 0, "platform not enabled"), cancellationToken);
        }

        // Each answer is archived, and kept for the stream's item versions to name by its SHA-256 until the stream is recorded.
        var answers = new StreamAnswers();
        var session = new PlatformSession(account, await tokens.GetAsync(account.Token, cancellationToken),
            async (r, ct) => answers.Add(await archive.RecordAsync(account, r, ct), r));
        var stored = await cursors.LoadAsync(account.Id, cancellationToken);
        var plan = client.Plan;
        var firstScan = stored.Find(plan.Primary.Name) is null;
        // A plan with a lookup asks about the record's posts of its window by id (AccountCapture, ReadPlan.Lookup).
        var lookupFrom = plan.Lookup is { } lookup ? time.GetUtcNow() - lookup.Window : (DateTimeOffset?)null;
        var knownPosts = lookupFrom is { } from && plan.Posts is { } postsStream
            ? await index.ListStreamAsync(account.Id, postsStream.Name, from, cancellationToken)
            : [];
        int read = 0, queued = 0;
        string? stopped = null;
        var unreadable = new Dictionary<string, string>(StringComparer.Ordinal);
        var readable = new HashSet<string>(StringComparer.Ordinal);
        var failing = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await foreach (var result in capture.ReadAsync(client, session, stored, knownPosts, budgets, cancellationToken))
            {
                if (result.Failure is { } failure)
                {
                    stopped ??= await FailedAsync(client, session, result, failure, unreadable, failing, cancellationToken);
                    answers.Clear();
                    continue;
                }
                // Profile pictures and banners are fetched and hashed here, before recording: a new image is a new version.
                var items = await images.AddHashesAsync(client, account, result.Read!.Items, cancellationToken);
                // A lookup's posts are the posts stream's, recorded there; the others are their stream's.
                var isLookup = result.Stream == plan.Lookup?.Name;
                var streamKey = isLookup ? plan.Posts!.Name : result.Key;
                var known = isLookup ? knownPosts
                    : await index.ListStreamAsync(account.Id, result.Key, plan.IsEveryScan(result.Stream) ? result.Since : null, cancellationToken);
                var byId = known.ToDictionary(k => k.ItemId, StringComparer.Ordinal);
                var recorded = await recorder.RecordAsync(account, streamKey, items, byId, firstScan, answers, cancellationToken);
                var goneFailure = await GoneAsync(client, session, result, byId, cancellationToken);
                answers.Clear();
                if (goneFailure is not null)
                {
                    // The deletion check failed: the stream's cursor stays, so the next run reads and checks it again.
                    read += items.Count;
                    queued += recorded.Queued;
                    stopped ??= await FailedAsync(client, session, result with { Target = null }, goneFailure, unreadable, failing, cancellationToken);
                    if (stopped is not null)
                    {
                        break;
                    }
                    continue;
                }
                await cursors.SetAsync(account.Id, result.Cursor, cancellationToken);
                read += items.Count;
                queued += recorded.Queued;
                readable.Add(result.Stream);
                if (plan.Find(result.Stream) is { ChangeHints: true })
                {
                    // With a lookup, the posts read covers its lookup window too.
                    var covered = lookupFrom is { } l && l < result.Since!.Value ? l : result.Since!.Value;
                    await ForgetOldPerPostStreamsAsync(account, plan, stored, covered, cancellationToken);
                }
            }
        }
        finally
        {
            LogCalls(account, session);
        }

        if (readable.Count > 0)
        {
            await conditions.ClearAsync(account, CaptureCondition.TokenInvalid, "the token was accepted again", cancellationToken);
        }
        if (stopped is null)
        {
            await conditions.ClearAsync(account, CaptureCondition.Throttled, "a scan ran to its end without being throttled", cancellationToken);
            if (plan.Budget is not null)
            {
                await conditions.ClearAsync(account, CaptureCondition.BudgetExhausted, "a scan ran to its end within the budget", cancellationToken);
            }
        }
        foreach (var stream in readable.Where(s => !unreadable.ContainsKey(s)))
        {
            await conditions.ClearAsync(account, CaptureCondition.PermissionMissing(stream), $"the {stream} stream was read again", cancellationToken);
        }
        foreach (var stream in readable.Where(s => !failing.Contains(s)))
        {
            await conditions.ClearAsync(account, CaptureCondition.StreamFailed(stream), $"the {stream} stream was read again", cancellationToken);
        }
        logger.LogInformation("Scanned {Platform} account {Account}: {Items} items read, {Queued} new or changed, {Calls} API calls{Stopped}",
            account.Platform, account.Id, read, queued, session.TotalCalls, stopped is null ? "" : "; stopped: " + stopped);
        return await EndAsync(account, new ScanSummary(account.Id, account.Platform, read, queued, session.TotalCalls)
        {
            CallsByStream = session.Calls,
            Stopped = stopped,
            Unreadable = unreadable,
        }, cancellationToken);
    }

    /// <summary>A personal account's consent: an <c>accounts</c> approval of it in force today (not revoked, not expired).</summary>
    private async Task<bool> ConsentedAsync(Account account, CancellationToken cancellationToken)
    {
        var today = policy.LocalDate(time.GetUtcNow());
        return (await approvals.ListAsync(ApprovalKinds.Accounts, cancellationToken)).Any(a => a.Scope == account.Id && a.InForce(today));
    }

    /// <summary>A scan that ran to an end: it resolves <c>capture.not-scanned</c> and is kept as the account's last scan.</summary>
    private async Task<ScanSummary> EndAsync(Account account, ScanSummary summary, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        summary = summary with { At = now };
        await conditions.ClearAsync(account, CaptureCondition.NotScanned, "a scan ran", cancellationToken);
        var state = await cursors.GetStateAsync(account.Id, cancellationToken);
        await cursors.SetStateAsync(account.Id, state with { LastScannedAt = now, Last = summary }, cancellationToken);
        return summary;
    }

    /// <summary>Handles a stream that could not be read; returns why the scan stops, or null when it goes on with the next stream.</summary>
    private async Task<string?> FailedAsync(IPlatformClient client, PlatformSession session, StreamResult result, PlatformException failure,
        Dictionary<string, string> unreadable, HashSet<string> failing, CancellationToken cancellationToken)
    {
        var account = session.Account;
        switch (failure.Kind)
        {
            case PlatformErrorKind.Token:
                await conditions.TokenInvalidAsync(account, failure.Message, cancellationToken);
                return "the token was refused";
            case PlatformErrorKind.Throttled:
                var wait = failure.RetryAfter is { } w ? string.Create(CultureInfo.InvariantCulture, $" for {w.TotalMinutes:0.#} min") : "";
                await conditions.RaiseAsync(account, CaptureCondition.Throttled, $"{account.Platform} asked to wait{wait}: {failure.Message}",
                    $"{account.Platform} throttled the scan of {account.Id} longer than Scan__MaxWaitSeconds allows, so it stopped; the next run "
                    + "resumes from its cursors. If this repeats, scan less often (ScanSchedule) or check what else uses the app's limits.",
                    cancellationToken);
                return "throttled" + wait;
            case PlatformErrorKind.BudgetExhausted:
                await conditions.RaiseAsync(account, CaptureCondition.BudgetExhausted, failure.Message,
                    $"The {account.Platform} read budget for this period is spent, so {account.Id} is not read until the next period begins. "
                    + $"Raise the budget in the settings (see the README, Settings) or scan less often (ScanSchedule).", cancellationToken);
                return "budget exhausted";
            case PlatformErrorKind.Other:
                // One stream failing (a 500 again and again) never stops the others: it is skipped, its cursor stays,
                // and the next run reads it again; one finding per account and stream, resolved when it reads again.
                failing.Add(result.Stream);
                await conditions.RaiseAsync(account, CaptureCondition.StreamFailed(result.Stream), $"{result.Stream} of {account.Id}: {failure.Message}",
                    $"{account.Platform} failed to answer the {result.Stream} read of {account.Id}, so it is skipped and read again on the next run; "
                    + "the other streams were read. If it does not clear, check the platform's status page and the archived answer.", cancellationToken);
                return null;
            default:
                if (failure.Kind == PlatformErrorKind.NotFound && result.Target is { } target && client.Plan.IsPerPost(result.Stream))
                {
                    var (gone, goneFailure) = await GoneOrFailureAsync(client, session, target, cancellationToken);
                    if (goneFailure is not null)
                    {
                        return await FailedAsync(client, session, result with { Target = null }, goneFailure, unreadable, failing, cancellationToken);
                    }
                    if (gone)
                    {
                        if (await index.GetAsync(account.Id, target, cancellationToken) is { Deleted: false } post)
                        {
                            await recorder.GoneAsync(post, ItemEvents.Deleted, "its comments could not be read and the platform confirmed the post gone", cancellationToken);
                        }
                        return null;
                    }
                }
                unreadable[result.Stream] = failure.Message;
                await conditions.RaiseAsync(account, CaptureCondition.PermissionMissing(result.Stream), failure.Message,
                    $"The token of {account.Id} may not read its {result.Stream}, so they are not monitored. Grant the permission the message names "
                    + "(see the README, Getting access) and create the token again.", cancellationToken);
                return null;
        }
    }

    /// <summary>
    /// The ids the read itself answered as not existing (<see cref="StreamRead.Gone"/>, a lookup by id) are deleted.
    /// Then the items the record had in this stream that the complete read no longer holds, as the plan says absence is
    /// read (<see cref="StreamAbsence"/>): posts and comments are deleted only when the platform confirms it; roles and
    /// apps, which have no object to ask about, are removed; a profile is read whole. A lookup (<see cref="ReadPlan.Lookup"/>)
    /// is no list: an id it answers neither way is left as it is.
    /// </summary>
    /// <returns>The platform's error when a deletion check failed (the rest of the stream's absent items are left for the next run).</returns>
    private async Task<PlatformException?> GoneAsync(IPlatformClient client, PlatformSession session, StreamResult result, Dictionary<string, IndexedItem> known,
        CancellationToken cancellationToken)
    {
        foreach (var id in result.Read!.Gone)
        {
            // Read again, not from `known`: an earlier stream of this scan may have recorded the deletion already.
            if (await index.GetAsync(session.Account.Id, id, cancellationToken) is { Deleted: false } gone)
            {
                await recorder.GoneAsync(gone, ItemEvents.Deleted, "the platform answered a lookup of its id: it does not exist", cancellationToken);
            }
        }
        var absence = client.Plan.Find(result.Stream)?.WhenAbsent ?? StreamAbsence.Confirm;
        if (absence == StreamAbsence.Ignored || result.Stream == client.Plan.Lookup?.Name)
        {
            return null;
        }
        var present = result.Read.Items.Select(i => i.Id).Concat(result.Read.Gone).ToHashSet(StringComparer.Ordinal);
        foreach (var missing in known.Values.Where(k => !present.Contains(k.ItemId)))
        {
            if (absence == StreamAbsence.Removed)
            {
                await recorder.GoneAsync(missing, ItemEvents.Removed, $"no longer in the {result.Stream} list", cancellationToken);
            }
            else
            {
                var (gone, failure) = await GoneOrFailureAsync(client, session, missing.ItemId, cancellationToken);
                if (failure is not null)
                {
                    return failure;
                }
                if (gone)
                {
                    await recorder.GoneAsync(missing, ItemEvents.Deleted, "gone from its stream; the platform confirmed it does not exist", cancellationToken);
                }
            }
        }
        return null;
    }

    /// <summary>Asks the platform whether an item is gone (<see cref="IPlatformClient.IsGoneAsync"/>); its failure is returned, never thrown.</summary>
    private static async Task<(bool Gone, PlatformException? Failure)> GoneOrFailureAsync(
        IPlatformClient client, PlatformSession session, string itemId, CancellationToken cancellationToken)
    {
        try
        {
            return (await client.IsGoneAsync(session, itemId, cancellationToken), null);
        }
        catch (PlatformException e)
        {
            return (false, e);
        }
    }

    /// <summary>The per-post cursors of posts older than what the posts read covers are dropped: those comments are no longer watched.</summary>
    private async Task ForgetOldPerPostStreamsAsync(Account account, ReadPlan plan, AccountCursors stored, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var prefixes = plan.PerPost.Select(s => s.Name + ":").ToList();
        foreach (var old in stored.All.Where(c => prefixes.Exists(p => c.Key.StartsWith(p, StringComparison.Ordinal)) && c.Position < since))
        {
            await cursors.DeleteAsync(account.Id, old.Key, cancellationToken);
        }
    }

    private void LogCalls(Account account, PlatformSession session)
    {
        var byStream = string.Join(", ", session.Calls.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {c.Value}")));
        logger.LogInformation("API calls for {Platform} account {Account}: {Calls} ({ByStream})", account.Platform, account.Id, session.TotalCalls, byStream);
    }
}
