using SocialMonitor.Local;

namespace SocialMonitor.IntegrationTests.Support;

/// <summary>The loopback hosts a platform client test starts, each serving its fakes, all stopped when the test class is disposed.</summary>
internal sealed class LoopbackHosts : IAsyncDisposable
{
    private readonly List<LoopbackPlatformHost> _hosts = [];

    /// <summary>Starts a host serving <paramref name="platforms"/> on loopback.</summary>
    public async Task StartAsync(IReadOnlyList<LoopbackPlatform> platforms, CancellationToken cancellationToken) =>
        _hosts.Add(await LoopbackPlatformHost.StartAsync(platforms, cancellationToken));

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
    }
}
