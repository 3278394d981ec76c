using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace SocialMonitor.IntegrationTests.Support;

/// <summary>
/// A storage pipeline policy (registered as an <see cref="HttpPipelinePolicy"/> in a test host) that fails the next
/// <see cref="Remaining"/> writes to one table, as a storage fault would, before they reach Azurite.
/// </summary>
internal sealed class FailingStorageWrite(string table) : HttpPipelinePolicy
{
    public int Remaining { get; set; }

    public int Failed { get; private set; }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Fail(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Fail(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void Fail(HttpMessage message)
    {
        var write = message.Request.Method != RequestMethod.Get && message.Request.Method != RequestMethod.Head;
        if (write && Remaining > 0 && message.Request.Uri.Path.Contains($"/{table}(", StringComparison.Ordinal))
        {
            Remaining--;
            Failed++;
            throw new RequestFailedException(503, $"Injected fault writing to {table}.");
        }
    }
}
