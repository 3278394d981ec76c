using Microsoft.Extensions.Hosting;

namespace SocialMonitor.Cli.Demo;

/// <summary>A host lifetime that leaves Ctrl+C and SIGTERM to the command that started a sample server.</summary>
internal sealed class SampleServerLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
