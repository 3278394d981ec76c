using Microsoft.Extensions.Time.Testing;

namespace SocialMonitor.IntegrationTests.Support;

/// <summary>
/// The fake clock of the integration tests: a <see cref="FakeTimeProvider"/> that also notes the fake time at which one
/// of its timers last fired. <see cref="FakeClock.AdvanceUntilAsync"/> measures a wait by it, so that stepping on while
/// the code's next request is still on its way (a loaded machine) does not count as waiting.
/// </summary>
internal sealed class TestClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private long _lastFiredTicks = long.MinValue;

    /// <summary>When a timer last fired (on this clock), or null when none has.</summary>
    public DateTimeOffset? LastFired =>
        Interlocked.Read(ref _lastFiredTicks) is var ticks && ticks == long.MinValue ? null : new DateTimeOffset(ticks, TimeSpan.Zero);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        base.CreateTimer(s =>
        {
            Interlocked.Exchange(ref _lastFiredTicks, GetUtcNow().UtcTicks);
            callback(s);
        }, state, dueTime, period);
}
