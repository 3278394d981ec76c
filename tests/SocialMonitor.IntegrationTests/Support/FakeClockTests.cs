namespace SocialMonitor.IntegrationTests.Support;

public sealed class FakeClockTests
{
    [Fact]
    public async Task AdvanceUntilAsync_ConditionHoldsLateAfterTheWait_MeasuresTheWaitNotTheSteps()
    {
        var time = new TestClock(TestHost.Start);
        var done = false;
        var wait = Task.Delay(TimeSpan.FromSeconds(3), time, TestContext.Current.CancellationToken);
        var waiting = Task.Run(async () =>
        {
            await wait;
            // Slow to act on it, as a request on a loaded machine is: the clock is stepped on meanwhile.
            await Task.Delay(200, TestContext.Current.CancellationToken);
            Volatile.Write(ref done, true);
        }, TestContext.Current.CancellationToken);

        var waited = await FakeClock.AdvanceUntilAsync(time, () => Volatile.Read(ref done), TimeSpan.FromMilliseconds(250), TimeSpan.FromMinutes(1));
        await waiting;

        Assert.Equal(TimeSpan.FromSeconds(3), waited);
        Assert.True(time.GetUtcNow() - TestHost.Start > TimeSpan.FromSeconds(3.25), "the clock was stepped on past the wait");
    }

    [Fact]
    public async Task AdvanceUntilAsync_NotATestClock_SaysWhatToGive()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            FakeClock.AdvanceUntilAsync(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(), () => true, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1)));
        Assert.Contains("TestClock", error.Message, StringComparison.Ordinal);
    }
}
