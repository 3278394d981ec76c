namespace SocialMonitor.Cli.Demo;

/// <summary>The demo's clock: the same instants on every run, so every run gives the same findings and emails.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
