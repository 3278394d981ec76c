using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Platforms;

namespace SocialMonitor.Core.Scanning;

/// <summary>
/// The shared scanning path of every platform: which streams of an account to read, given its cursors, and the reads
/// themselves, one stream at a time, so that the caller records each one (and moves its cursor) before the next is read.
/// <list type="number">
/// <item>Posts, every scan: since the first scan's backfill (<c>Scan__BackfillDays</c>) or the start of the comment
/// window (<c>Scan__CommentWindowDays</c>), whichever is later; since the newest post queued, if that is older (a scan
/// that did not run for longer than the window loses nothing). Each post comes with its change hint.</item>
/// <item>The comments of a post: when its hint changed since they were last read (Facebook's <c>updated_time</c> moves when a
/// post gets comments, and the count changes), never when a new post has none, and once a day anyway for posts in the
/// window (edits, hides and deletions of comments do not move the hint).</item>
/// <item>Profile, roles and apps: once a day.</item>
/// </list>
/// A scan with nothing new therefore costs one call per account: the posts of the window, in one page.
/// </summary>
public sealed class AccountCapture(IOptions<ScanOptions> options, TimeProvider time)
{
    /// <summary>How often account streams are read, and every comment stream in the window re-read whatever its hint.</summary>
    public static readonly TimeSpan DailyRead = TimeSpan.FromHours(24);

    public async IAsyncEnumerable<StreamResult> ReadAsync(
        IPlatformClient client, PlatformSession session, AccountCursors cursors, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var window = Clamp(now, settings.CommentWindowDays);
        var postsCursor = cursors.Find(StreamNames.Posts);
        var floor = postsCursor?.Floor ?? Clamp(now, settings.BackfillDays);
        var position = postsCursor?.Position ?? floor;
        var since = Max(floor, position < window ? position : window);

        var posts = await ReadAsync(client, session, new StreamRequest(StreamNames.Posts, Since: since), cancellationToken);
        var newest = posts.Read?.Items.Select(i => i.CreatedAt).Max();
        yield return posts with
        {
            Since = since,
            Cursor = new StreamCursor(StreamNames.Posts) { Floor = floor, Position = Max(postsCursor?.Position ?? floor, newest ?? floor), ReadAt = now },
        };
        if (posts.Stops)
        {
            yield break;
        }

        foreach (var post in posts.Read?.Items ?? [])
        {
            var key = StreamNames.Key(StreamNames.Comments, post.Id);
            var cursor = cursors.Find(key);
            var hint = posts.Read!.Hints.GetValueOrDefault(post.Id);
            if (!CommentsDue(post, cursor, hint, window, now))
            {
                continue;
            }
            var comments = await ReadAsync(client, session, new StreamRequest(StreamNames.Comments, post.Id), cancellationToken);
            yield return comments with { Cursor = new StreamCursor(key) { Position = post.CreatedAt, Hint = hint?.Value, ReadAt = now } };
            if (comments.Stops)
            {
                yield break;
            }
        }

        foreach (var stream in client.AccountStreams)
        {
            if (cursors.Find(stream)?.ReadAt is { } read && now - read < DailyRead)
            {
                continue;
            }
            var result = await ReadAsync(client, session, new StreamRequest(stream), cancellationToken);
            yield return result with { Cursor = new StreamCursor(stream) { ReadAt = now } };
            if (result.Stops)
            {
                yield break;
            }
        }
    }

    /// <summary>Whether a post's comments need reading in this scan.</summary>
    public static bool CommentsDue(Item post, StreamCursor? cursor, ChangeHint? hint, DateTimeOffset window, DateTimeOffset now)
    {
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

    /// <summary>Reads one stream; a platform failure other than <see cref="PlatformErrorKind.Other"/> becomes the result, the rest is thrown.</summary>
    private static async Task<StreamResult> ReadAsync(IPlatformClient client, PlatformSession session, StreamRequest request, CancellationToken cancellationToken)
    {
        var key = StreamNames.Key(request.Stream, request.Target);
        try
        {
            var read = await client.ReadAsync(session, request, cancellationToken);
            return new StreamResult(request.Stream, request.Target, read, new StreamCursor(key));
        }
        catch (PlatformException e) when (e.Kind != PlatformErrorKind.Other)
        {
            return new StreamResult(request.Stream, request.Target, null, new StreamCursor(key), e);
        }
    }

    /// <summary><paramref name="days"/> before now, clamped to 1970 (the earliest time a platform's <c>since</c> takes).</summary>
    private static DateTimeOffset Clamp(DateTimeOffset now, int days) =>
        days < (now - DateTimeOffset.UnixEpoch).TotalDays ? now.AddDays(-days) : DateTimeOffset.UnixEpoch;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset? b) => b is { } v && v > a ? v : a;
}
