using System.Runtime.CompilerServices;
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
/// older (a scan that did not run for longer than the window loses nothing). The posts stream gives each post's change hint.</item>
/// <item>Per-post streams (comments) of each post of the posts stream: when its hint changed since they were last read
/// (Facebook's <c>updated_time</c> moves when a post gets comments, and the count changes), never when a new post has
/// none, and once a day anyway for posts in the window (edits, hides and deletions of comments do not move the hint).</item>
/// <item>Daily streams (profile, roles, apps): once a day.</item>
/// </list>
/// A scan with nothing new therefore costs one call per every-scan stream. When the plan has a budget and a
/// <see cref="BudgetStore"/> is given, each read first asks it for room (none: the read is not sent and the stream
/// fails as <see cref="PlatformErrorKind.BudgetExhausted"/>, which stops the account) and spends what it cost after it.
/// </summary>
public sealed class AccountCapture(IOptions<ScanOptions> options, TimeProvider time)
{
    /// <summary>How often daily streams are read, and every per-post stream in the window re-read whatever its hint.</summary>
    public static readonly TimeSpan DailyRead = TimeSpan.FromHours(24);

    /// <param name="budgets">The budget ledger; null in a dry run, which keeps no storage (its reads are not counted against the budget).</param>
    public async IAsyncEnumerable<StreamResult> ReadAsync(IPlatformClient client, PlatformSession session, AccountCursors cursors, BudgetStore? budgets,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var plan = client.Plan;
        var settings = options.Value;
        var now = time.GetUtcNow();
        var window = Clamp(now, settings.CommentWindowDays);

        foreach (var stream in plan.EveryScan)
        {
            var cursor = cursors.Find(stream.Name);
            var floor = cursor?.Floor ?? Clamp(now, settings.BackfillDays);
            var position = cursor?.Position ?? floor;
            var since = Max(floor, position < window ? position : window);
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

            foreach (var post in posts.Items)
            {
                var hint = posts.Hints.GetValueOrDefault(post.Id);
                foreach (var perPost in plan.PerPost)
                {
                    var key = StreamNames.Key(perPost.Name, post.Id);
                    if (!CommentsDue(post, cursors.Find(key), hint, window, now))
                    {
                        continue;
                    }
                    var read = await ReadAsync(client, plan, session, budgets, now, new StreamRequest(perPost.Name, post.Id), cancellationToken);
                    yield return read with { Cursor = new StreamCursor(key) { Position = post.CreatedAt, Hint = hint?.Value, ReadAt = now } };
                    if (read.Stops)
                    {
                        yield break;
                    }
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
}
