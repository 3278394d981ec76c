using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace SocialMonitor.IntegrationTests.Support;

/// <summary>
/// A storage pipeline policy (registered as an <see cref="HttpPipelinePolicy"/> in a test host) that refuses every
/// blob delete under <paramref name="pathPart"/> while <see cref="Refusing"/>, as Azure refuses to delete a blob under
/// a time-based immutability policy (409 <c>BlobImmutableDueToPolicy</c>); Azurite has no immutability policies.
/// </summary>
internal sealed class RefusingBlobDelete(string pathPart) : HttpPipelinePolicy
{
    public bool Refusing { get; set; } = true;

    public int Refused { get; private set; }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Refuse(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Refuse(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void Refuse(HttpMessage message)
    {
        if (Refusing && message.Request.Method == RequestMethod.Delete && message.Request.Uri.Path.Contains(pathPart, StringComparison.Ordinal))
        {
            Refused++;
            throw new RequestFailedException(409, "This operation is not permitted as the blob is immutable due to a policy.", "BlobImmutableDueToPolicy", null);
        }
    }
}
