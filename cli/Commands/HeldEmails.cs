using SocialMonitor.Core.Notifications;
using SocialMonitor.Core.Queues;

namespace SocialMonitor.Cli.Commands;

/// <summary>
/// The end of a run that sends email (<c>work</c>): an immediate email waits <c>Mail__BundleSeconds</c> from its first
/// finding for more (its send message invisible until then), which the Functions host sends when the window ends. A run
/// of the CLI waits for the last window it left open, then drains again, so the bundles go out in this run. Stopped
/// (Ctrl+C) while it waits, the emails stay pending and the next <c>work</c> or the hourly mail job sends them.
/// </summary>
internal static class HeldEmails
{
    /// <summary>Waits for every held immediate email and sends it; returns the queue messages handled meanwhile.</summary>
    public static async Task<int> SendAsync(CliHost host, CancellationToken cancellationToken)
    {
        var outbox = host.Get<Outbox>();
        var time = host.Get<TimeProvider>();
        var handled = 0;
        while (await outbox.HeldUntilAsync(cancellationToken) is { } until)
        {
            var wait = until - time.GetUtcNow();
            await Console.Error.WriteLineAsync(
                $"Waiting {Math.Ceiling(Math.Max(wait.TotalSeconds, 0))} s for the immediate emails held to bundle findings (Mail__BundleSeconds), then sending them.");
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken);
            }
            // The send messages are visible now; queueing them again costs nothing (each email is sent once) and covers a lost one.
            await outbox.QueueDueAsync(time.GetUtcNow(), cancellationToken);
            handled += await host.Get<QueueDrainer>().DrainAsync(QueueDrainer.AllQueues, cancellationToken);
        }
        return handled;
    }
}
