namespace SocialMonitor.Cli.Demo;

/// <summary>The demo's clock: always the same instant, so every run gives the same findings and emails.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
