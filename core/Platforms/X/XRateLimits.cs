using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;

namespace SocialMonitor.Core.Platforms.X;

/// <summary>
/// X's rate-limit headers per endpoint (<c>x-rate-limit-limit</c>, <c>-remaining</c>, <c>-reset</c> in epoch seconds), as
/// the last answer of each endpoint gave them: when <c>remaining</c> is 0 the next request to that endpoint is held until
/// the reset. Limits are per app (the bearer token), so one gate serves every account. In memory only: a new process
/// learns the limits again from its first answer (a 429 at worst).
/// </summary>
public sealed class XRateLimits(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _holds = new(StringComparer.Ordinal);

    /// <summary>Notes the headers of one answer of <paramref name="endpoint"/>.</summary>
    public void Observe(string endpoint, HttpResponseHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (Reset(headers) is not { } reset)
        {
            return;
        }
        if (Header(headers, "x-rate-limit-remaining") is 0)
        {
            _holds[endpoint] = reset;
        }
        else
        {
            _holds.TryRemove(endpoint, out _);
        }
    }

    /// <summary>How long a request to <paramref name="endpoint"/> must wait; null when it may go now.</summary>
    public TimeSpan? HoldFor(string endpoint)
    {
        if (!_holds.TryGetValue(endpoint, out var reset))
        {
            return null;
        }
        var wait = reset - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            return wait;
        }
        _holds.TryRemove(endpoint, out _);
        return null;
    }

    /// <summary>The time <c>x-rate-limit-reset</c> names, or null without one.</summary>
    public static DateTimeOffset? Reset(HttpResponseHeaders headers) =>
        Header(headers, "x-rate-limit-reset") is { } seconds && seconds > 0 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    private static long? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values)
        && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
