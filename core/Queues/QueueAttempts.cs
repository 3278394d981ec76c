using Microsoft.Extensions.Logging;
using SocialMonitor.Core.Platforms;

namespace SocialMonitor.Core.Queues;

/// <summary>
/// Runs one delivery of a queue message and records it when it fails (attempt, time, error; <see cref="FailedAttemptStore"/>),
/// then rethrows, so the queue delivers the message again; after <see cref="QueueNames.MaxDequeueCount"/> attempts it
/// goes to the poison queue, where <see cref="DeadMessageHandler"/> reads the record. The one wrapper of every queue's
/// handler: the functions' worker middleware, <see cref="QueueDrainer"/> (<c>socialmonitor work</c>) and the tests.
/// </summary>
public sealed class QueueAttempts(FailedAttemptStore attempts, ILogger<QueueAttempts> logger)
{
    public async Task RunAsync(string queue, string body, long dequeueCount, Func<CancellationToken, Task> handle, CancellationToken cancellationToken)
    {
        try
        {
            await handle(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Attempt {Attempt} of a {Queue} message failed: {Error}", dequeueCount, queue, UrlScrubber.Scrub(e.Message));
            try
            {
                await attempts.RecordAsync(queue, body, dequeueCount, e, cancellationToken);
            }
            catch (Exception recordError) when (!cancellationToken.IsCancellationRequested)
            {
                // The message is retried all the same; its dead-message finding then says no attempt was recorded.
                logger.LogError("Could not record the failed attempt of a {Queue} message: {Error}", queue, UrlScrubber.Scrub(recordError.Message));
            }
            throw;
        }
    }
}
