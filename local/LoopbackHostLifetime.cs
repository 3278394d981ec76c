using Microsoft.Extensions.Hosting;

namespace SocialMonitor.Local;

/// <summary>A host lifetime that leaves Ctrl+C and SIGTERM to the command that started the loopback host.</summary>
internal sealed class LoopbackHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
