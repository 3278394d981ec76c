using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Platforms;

namespace SocialMonitor.Core.Scanning;

/// <summary>
/// The shared scanning path of every platform: runs the client's <see cref="ReadPlan"/> against the account's cursors,
/// one stream at a time, so that the caller records each one (and moves its cursor) before the next is read.
/// <list type="number">
/// <item>Every-scan streams (Facebook posts): since the first scan's backfill (<c>Scan__BackfillDays</c>) or the start of
/// the comment window (<c>Scan__CommentWindowDays</c>), whichever is later; since the newest item queued, if that is
/// older (a scan that did not run for longer than the window loses nothing). The posts stream gives each post's change
/// hint. With a <see cref="ReadPlan.Lookup"/> the posts stream reads only since its newest post queued, and the known
/// posts of the lookup window (<paramref name="knownPosts"/>, less those just read) are looked up by id in batches for
/// their hints (and current versions).</item>
/// <item>Per-post streams (comments) of each post of the posts stream or the lookup: when its hint changed since they were
/// last read (Facebook's <c>updated_time</c> moves when a post gets comments, and the count changes), never when a new
/// post has none, and once a day anyway for posts in the window (edits, hides and deletions of comments do not move the hint).</item>
/// <item>Daily streams (profile, roles, apps): once a day.</item>
/// </list>
/// A scan with nothing new therefore costs one call per every-scan stream (and per lookup batch). When the plan has a
/// budget and a <see cref="BudgetStore"/> is given, each read first asks it for room (none: the read is not sent and the
/// stream fails as <see cref="PlatformErrorKind.BudgetExhausted"/>, which stops the account) and spends what it cost
/// after it. A <see cref="PlatformBudget.Paced"/> budget also holds the per-post reads to the pace: they are read last,
/// after the daily streams, and only while the room under the pace holds them (<see cref="ReadPacedAsync"/>).
/// </summary>
public sealed partial class AccountCapture(IOptions<ScanOptions> options, TimeProvider time, ILogger<AccountCapture> logger)
{
    private readonly ILogger<AccountCapture> _logger = logger;

    /// <summary>How often daily streams are read, and every per-post stream in the window re-read whatever its hint.</summary>
    public static readonly TimeSpan DailyRead = TimeSpan.FromHours(24);

    /// <summary>The plan without known posts: a dry run, or a plan without a <see cref="ReadPlan.Lookup"/>.</summary>
    public IAsyncEnumerable<StreamResult> ReadAsync(IPlatformClient client, PlatformSession session, AccountCursors cursors, BudgetStore? budgets,
        CancellationToken cancellationToken) =>
        ReadAsync(client, session, cursors, [], budgets, cancellationToken);

    /// <param name="knownPosts">The record's posts of the plan's posts stream created within its lookup window (see
    /// <see cref="ReadPlan.Lookup"/>); empty without a lookup, on a first scan or in a dry run.</param>
    /// <param name="budgets">The budget ledger; null in a dry run, which keeps no storage (its reads are not counted against the budget).</param>
    public async IAsyncEnumerable<StreamResult> ReadAsync(IPlatformClient client, PlatformSession session, AccountCursors cursors,
        IReadOnlyList<IndexedItem> knownPosts, BudgetStore? budgets, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(knownPosts);
        var plan = client.Plan;
        var settings = options.Value;
        var now = time.GetUtcNow();
        var window = Clamp(now, settings.CommentWindowDays);
        // Under a paced budget the per-post reads wait for the end of the scan: own posts, mentions, the lookup and the daily streams go first.
        var paced = budgets is not null && plan.Budget is { Paced: true } ? new List<PerPostRead>() : null;

        foreach (var stream in plan.EveryScan)
        {
            var cursor = cursors.Find(stream.Name);
            var floor = cursor?.Floor ?? Clamp(now, settings.BackfillDays);
            var position = cursor?.Position ?? floor;
            // The posts of a plan with a lookup, and a stream read from its newest, are read from the newest item queued (the
            // platform's own "since" returns it again, so nothing posted in the same second is lost); the lookup gives the
            // older posts their hints. Every other stream reads the comment window again, for edits and deletions.
            var since = stream.FromNewest || (stream.ChangeHints && plan.Lookup is not null) ? Max(floor, position) : Max(floor, position < window ? position : window);
            var result = await ReadAsync(client, plan, session, budgets, now, new StreamRequest(stream.Name, Since: since), cancellationToken);
            var newest = result.Read?.Items.Select(i => i.CreatedAt).Max();
            yield return result with
            {
                Since = since,
                Cursor = new StreamCursor(stream.Name) { Floor = floor, Position = Max(cursor?.Position ?? floor, newest ?? floor), ReadAt = now },
            };
            if (result.Stops)
            {
                yield break;
            }
            if (!stream.ChangeHints || result.Read is not { } posts)
            {
                continue;
            }

            var due = Due(plan, posts, cursors, window, now).ToList();
            if (plan.Lookup is { } lookup)
            {
                var from = Max(now - lookup.Window, window);
                var fresh = posts.Items.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
                var ids = knownPosts.Where(k => k.CreatedAt >= from && !k.Deleted && !fresh.Contains(k.ItemId))
                    .OrderByDescending(k => k.CreatedAt).Select(k => k.ItemId).ToList();
                foreach (var batch in ids.Chunk(Math.Max(1, lookup.BatchSize)))
                {
                    var found = await ReadAsync(client, plan, session, budgets, now, new StreamRequest(lookup.Name, Ids: batch), cancellationToken);
                    yield return found with { Cursor = new StreamCursor(lookup.Name) { ReadAt = now } };
                    if (found.Stops)
                    {
                        yield break;
                    }
                    if (found.Read is { } looked)
                    {
                        due.AddRange(Due(plan, looked, cursors, window, now));
                    }
                }
            }
            if (paced is not null)
            {
                paced.AddRange(due);
                continue;
            }
            foreach (var perPost in due)
            {
                var read = await ReadAsync(client, plan, session, budgets, now, perPost.Request, cancellationToken);
                yield return read with { Cursor = perPost.Cursor };
                if (read.Stops)
                {
                    yield break;
                }
            }
        }

        foreach (var stream in plan.Daily)
        {
            if (cursors.Find(stream.Name)?.ReadAt is { } read && now - read < DailyRead)
            {
                continue;
            }
            var result = await ReadAsync(client, plan, session, budgets, now, new StreamRequest(stream.Name), cancellationToken);
            yield return result with { Cursor = new StreamCursor(stream.Name) { ReadAt = now } };
            if (result.Stops)
            {
                yield break;
            }
        }

        await foreach (var result in ReadPacedAsync(client, plan, session, budgets, now, paced ?? [], cancellationToken))
        {
            yield return result;
            if (result.Stops)
            {
                yield break;
            }
        }
    }

    /// <summary>
    /// The per-post reads of a paced budget, newest post first, each sent only when the room under the pace holds it: the
    /// pace (<see cref="PlatformBudget.Pace"/>, now) less what the ledger says the period has spent (this scan's reads
    /// and any other scan's), at least the post's comment count from its hint (the fewest units a read of them returns;
    /// 1 when the platform gives no count). At the first read that does not fit, this read and every later one are not
    /// sent this scan: their cursors stay where they were, so the next scan finds their hints still moved and tries
    /// them again, first, once the pace has grown past what is spent (it grows by the budget over the period, every second).
    /// </summary>
    private async IAsyncEnumerable<StreamResult> ReadPacedAsync(IPlatformClient client, ReadPlan plan, PlatformSession session, BudgetStore? budgets,
        DateTimeOffset now, List<PerPostRead> reads, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 0; i < reads.Count; i++)
        {
            var budget = plan.Budget!;
            var pace = budget.Pace(time.GetUtcNow());
            var used = await budgets!.UsedAsync(client.Platform, budget, cancellationToken);
            if (pace - used < reads[i].Expected)
            {
                LogPaced(session.Account.Id, reads.Count - i, used, pace, budget.Limit);
                yield break;
            }
            var read = await ReadAsync(client, plan, session, budgets, now, reads[i].Request, cancellationToken);
            yield return read with { Cursor = reads[i].Cursor };
        }
    }

    /// <summary>The per-post reads due for the posts of one read, each with the cursor it moves to once recorded.</summary>
    private static IEnumerable<PerPostRead> Due(ReadPlan plan, StreamRead posts, AccountCursors cursors, DateTimeOffset window, DateTimeOffset now)
    {
        foreach (var post in posts.Items)
        {
            var hint = posts.Hints.GetValueOrDefault(post.Id);
            foreach (var perPost in plan.PerPost)
            {
                var key = StreamNames.Key(perPost.Name, post.Id);
                if (CommentsDue(post, cursors.Find(key), hint, window, now))
                {
                    yield return new PerPostRead(new StreamRequest(perPost.Name, post.Id),
                        new StreamCursor(key) { Position = post.CreatedAt, Hint = hint?.Value, ReadAt = now }, Math.Max(1, hint?.Comments ?? 1));
                }
            }
        }
    }

    /// <summary>Whether a post's per-post streams (its comments) need reading in this scan.</summary>
    public static bool CommentsDue(Item post, StreamCursor? cursor, ChangeHint? hint, DateTimeOffset window, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(post);
        if (cursor is null)
        {
            return hint?.Comments != 0; // Never read: read unless the platform says there are none.
        }
        if (post.CreatedAt is { } created && created < window)
        {
            return false; // Out of the comment window.
        }
        return hint is null || cursor.Hint != hint.Value || (cursor.ReadAt is { } read && now - read >= DailyRead && hint.Comments != 0);
    }

    /// <summary>
    /// Reads one stream within the plan's budget; a platform failure of any kind becomes the result (the caller skips the
    /// stream or stops the account), the rest is thrown. What the read cost is spent from the budget whether it succeeded or not.
    /// </summary>
    private static async Task<StreamResult> ReadAsync(IPlatformClient client, ReadPlan plan, PlatformSession session, BudgetStore? budgets,
        DateTimeOffset now, StreamRequest request, CancellationToken cancellationToken)
    {
        var key = StreamNames.Key(request.Stream, request.Target);
        var budget = budgets is null ? null : plan.Budget;
        if (budget is not null && !await budgets!.HasRoomAsync(client.Platform, budget, cancellationToken))
        {
            var exhausted = new PlatformException(
                $"{client.Platform} account {session.Account.Id}: {request.Stream} not read: the {client.Platform} budget of {budget.Limit} units for {budget.PeriodKey(now)} is spent")
            {
                Kind = PlatformErrorKind.BudgetExhausted,
            };
            return new StreamResult(request.Stream, request.Target, null, new StreamCursor(key), exhausted);
        }
        var before = session.TotalUnits;
        try
        {
            var read = await client.ReadAsync(session, request, cancellationToken);
            return new StreamResult(request.Stream, request.Target, read, new StreamCursor(key));
        }
        catch (PlatformException e)
        {
            return new StreamResult(request.Stream, request.Target, null, new StreamCursor(key), e);
        }
        finally
        {
            if (budget is not null)
            {
                await budgets!.SpendAsync(client.Platform, budget, session.TotalUnits - before, cancellationToken);
            }
        }
    }

    /// <summary><paramref name="days"/> before now, clamped to 1970 (the earliest time a platform's <c>since</c> takes).</summary>
    private static DateTimeOffset Clamp(DateTimeOffset now, int days) =>
        days < (now - DateTimeOffset.UnixEpoch).TotalDays ? now.AddDays(-days) : DateTimeOffset.UnixEpoch;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset? b) => b is { } v && v > a ? v : a;

    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Account {Account}: {Count} per-post reads wait for the next scan: {Used} units spent of a pace of {Pace:0} (budget {Limit})")]
    private partial void LogPaced(string account, int count, long used, double pace, long limit);

    /// <summary>One per-post read that is due: the request, the cursor it moves to, the fewest units it costs.</summary>
    private sealed record PerPostRead(StreamRequest Request, StreamCursor Cursor, int Expected);
}
