namespace SocialMonitor.Core.Http;

/// <summary>
/// The wait an HTTP answer asks for in its <c>Retry-After</c> header, read the same way for every outside service (the
/// platforms, Azure AI Content Safety): seconds as given, or an HTTP date counted from the answer's own <c>Date</c> header,
/// else from the app's <see cref="TimeProvider"/>, never the system clock. A date already past asks for no wait (zero).
/// What a wait may be at most is the caller's rule. See docs/architecture.md, "The map of core/".
/// </summary>
public static class RetryAfter
{
    /// <summary>The wait <paramref name="response"/> asks for, or null when it has no (readable) <c>Retry-After</c>.</summary>
    public static TimeSpan? Read(HttpResponseMessage? response, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (response?.Headers.RetryAfter is not { } header)
        {
            return null;
        }
        if (header.Delta is { } delta)
        {
            return delta;
        }
        if (header.Date is not { } date)
        {
            return null;
        }
        var wait = date - (response.Headers.Date ?? time.GetUtcNow());
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }
}
