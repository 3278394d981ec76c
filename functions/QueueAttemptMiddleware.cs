using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using SocialMonitor.Core.Queues;

namespace SocialMonitor.Functions;

/// <summary>
/// Wraps every queue-triggered invocation in <see cref="QueueAttempts"/>: a failure (the message not binding to its type
/// included) is recorded with the trigger's queue, body and dequeue count, and rethrown, so the host retries and after
/// <see cref="QueueNames.MaxDequeueCount"/> attempts poisons the message. Other functions pass straight through. The
/// queue is the one the function's <see cref="QueueTriggerAttribute"/> names; the body and the count are the trigger's
/// metadata (<c>QueueTrigger</c>, <c>DequeueCount</c>), the same body the host copies to the poison queue.
/// </summary>
public sealed class QueueAttemptMiddleware(QueueAttempts attempts) : IFunctionsWorkerMiddleware
{
    private static readonly ConcurrentDictionary<string, string?> s_queues = new(StringComparer.Ordinal);

    public Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (QueueOf(context.FunctionDefinition) is not { } queue)
        {
            return next(context);
        }
        var body = Metadata(context, "QueueTrigger") ?? "";
        var dequeueCount = long.TryParse(Metadata(context, "DequeueCount"), CultureInfo.InvariantCulture, out var n) ? n : 1;
        return attempts.RunAsync(queue, body, dequeueCount, _ => next(context), context.CancellationToken);
    }

    private static string? Metadata(FunctionContext context, string name) =>
        context.BindingContext.BindingData.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.ToString();

    /// <summary>The queue a function is triggered by (null: not a queue trigger), read once per function from its attribute.</summary>
    public static string? QueueOf(FunctionDefinition function) => s_queues.GetOrAdd(function.EntryPoint, entryPoint =>
    {
        var split = entryPoint.LastIndexOf('.');
        var method = typeof(QueueAttemptMiddleware).Assembly.GetType(entryPoint[..split])?.GetMethod(entryPoint[(split + 1)..]);
        return method?.GetParameters().Select(p => p.GetCustomAttribute<QueueTriggerAttribute>()?.QueueName).FirstOrDefault(q => q is not null);
    });
}
