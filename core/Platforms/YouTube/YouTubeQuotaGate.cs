namespace SocialMonitor.Core.Platforms.YouTube;

/// <summary>
/// Remembers, for the whole process, that Google answered <c>quotaExceeded</c>: the project's quota is shared by every
/// channel, so no YouTube request is sent to any account until the next midnight Pacific, when Google resets it. In
/// memory only: after a restart the first request finds out again (one unit, and one more 403).
/// </summary>
public sealed class YouTubeQuotaGate(TimeProvider time)
{
    /// <summary>Google counts the day in Pacific time.</summary>
    public static readonly TimeZoneInfo Pacific = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    private long _stoppedUntilTicks;

    /// <summary>When the quota comes back, or null while it is not known to be spent.</summary>
    public DateTimeOffset? StoppedUntil
    {
        get
        {
            var ticks = Interlocked.Read(ref _stoppedUntilTicks);
            return ticks > time.GetUtcNow().UtcTicks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
        }
    }

    /// <summary>The quota is spent: stop until the next midnight Pacific; returns that time.</summary>
    public DateTimeOffset Exceeded()
    {
        var reset = NextReset(time.GetUtcNow());
        Interlocked.Exchange(ref _stoppedUntilTicks, reset.UtcTicks);
        return reset;
    }

    /// <summary>The next midnight in America/Los_Angeles after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextReset(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, Pacific);
        var midnight = DateTime.SpecifyKind(local.Date.AddDays(1), DateTimeKind.Unspecified);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(midnight, Pacific), TimeSpan.Zero);
    }
}
