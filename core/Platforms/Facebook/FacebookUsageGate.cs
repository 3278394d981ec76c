using System.Collections.Concurrent;
using System.Net.Http.Headers;

namespace SocialMonitor.Core.Platforms.Facebook;

/// <summary>
/// What the usage headers said about the near future, shared by every Facebook scan in this process: a Page (business
/// use case) that must wait <c>estimated_time_to_regain_access</c>, or the whole app when <c>X-App-Usage</c> reached
/// 100 %. Requests wait out a hold (within <c>Scan__MaxWaitSeconds</c>) instead of spending calls that would fail.
/// </summary>
public sealed class FacebookUsageGate(TimeProvider time)
{
    /// <summary>The app-level limit is a rolling hour and Meta gives no estimate for it: rest this long, less than a 15-minute schedule interval.</summary>
    public static readonly TimeSpan AppRest = TimeSpan.FromMinutes(10);

    private const string AppScope = "";
    private readonly ConcurrentDictionary<string, DateTimeOffset> _until = new(StringComparer.Ordinal);

    /// <summary>Reads a response's usage headers; returns what they said.</summary>
    internal FacebookUsage Observe(HttpResponseHeaders headers, string pageId)
    {
        var usage = FacebookUsage.Read(headers, pageId);
        var now = time.GetUtcNow();
        if (usage.AppPercent >= 100)
        {
            Hold(AppScope, now + AppRest);
        }
        foreach (var (id, wait) in usage.ObjectWait)
        {
            Hold(id, now + wait);
        }
        return usage;
    }

    /// <summary>How long requests for <paramref name="pageId"/> must still wait, or null when they may go now.</summary>
    public TimeSpan? HoldFor(string pageId)
    {
        var now = time.GetUtcNow();
        var until = new[] { _until.GetValueOrDefault(AppScope), _until.GetValueOrDefault(pageId) }.Max();
        return until > now ? until - now : null;
    }

    private void Hold(string scope, DateTimeOffset until) =>
        _until.AddOrUpdate(scope, until, (_, known) => known > until ? known : until);
}
