using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace SocialMonitor.IntegrationTests.Support;

/// <summary>Moves a <see cref="FakeTimeProvider"/> forward while code waits on it: no real waiting, only polling with a deadline.</summary>
internal static class FakeClock
{
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(30);

    /// <summary>Polls (with a real deadline) until <paramref name="condition"/> holds, without moving the clock.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > s_deadline)
            {
                throw new TimeoutException($"Waited {s_deadline.TotalSeconds} s for {what}.");
            }
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>
    /// Advances the clock by <paramref name="step"/> at a time until <paramref name="condition"/> holds; returns the fake
    /// time from the start to the last timer that fired on the way (the end of the code's wait), or, when none fired, to
    /// where the clock stopped. Fails when more than <paramref name="max"/> of fake time (or the real deadline) passes.
    /// </summary>
    public static async Task<TimeSpan> AdvanceUntilAsync(FakeTimeProvider time, Func<bool> condition, TimeSpan step, TimeSpan max)
    {
        var clock = time as TestClock ?? throw new ArgumentException("Give the code a TestClock: its timers' firings measure the wait.", nameof(time));
        var start = clock.GetUtcNow();
        var firedBefore = clock.LastFired;
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.GetUtcNow() - start > max || watch.Elapsed > s_deadline)
            {
                throw new TimeoutException($"Nothing happened within {max.TotalSeconds} s of fake time.");
            }
            clock.Advance(step);
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }
        var end = clock.LastFired is { } fired && fired != firedBefore && fired >= start ? fired : clock.GetUtcNow();
        return end - start;
    }
}
