using Microsoft.Azure.Functions.Worker;
using SocialMonitor.Core.Evaluation;
using SocialMonitor.Core.Queues;

namespace SocialMonitor.Functions;

/// <summary>Runs the rules over one item and merges its findings. A failure is recorded by <see cref="QueueAttemptMiddleware"/> and rethrown, so the host retries and then poisons the message.</summary>
public sealed class EvaluateItem(ItemEvaluator evaluator)
{
    [Function(nameof(EvaluateItem))]
    public Task Run([QueueTrigger(QueueNames.EvaluateItem)] EvaluateItemMessage message, CancellationToken cancellationToken) =>
        evaluator.EvaluateAsync(message, cancellationToken);
}
