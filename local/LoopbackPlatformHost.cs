using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SocialMonitor.Local;

/// <summary>
/// One Kestrel on 127.0.0.1 (a free port) serving every platform fake of the demo or a test, each under its own path
/// prefix (<c>/facebook</c>, later <c>/instagram</c>, <c>/x</c>…). A request goes to the platform whose prefix it starts
/// with (see <see cref="LoopbackPlatform"/>); a path under no prefix answers 404. Every request is recorded, here and by
/// the platform it reached, for tests and the demo to count.
/// </summary>
public sealed class LoopbackPlatformHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly IReadOnlyList<LoopbackPlatform> _platforms;
    private readonly ConcurrentQueue<string> _requests = new();

    private LoopbackPlatformHost(WebApplication app, IReadOnlyList<LoopbackPlatform> platforms)
    {
        _app = app;
        _platforms = platforms;
    }

    /// <summary>The host's address, e.g. <c>http://127.0.0.1:41234</c> (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Every request received, mounted or not, as path and query string, in arrival order.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    public IReadOnlyList<LoopbackPlatform> Platforms => _platforms;

    /// <summary>Starts Kestrel and mounts the platforms; each platform's <see cref="LoopbackPlatform.BaseUrl"/> is set once this returns.</summary>
    public static async Task<LoopbackPlatformHost> StartAsync(IReadOnlyList<LoopbackPlatform> platforms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(platforms);
        foreach (var platform in platforms)
        {
            if (platform.IsMounted)
            {
                throw new InvalidOperationException($"The {platform.Name} fake is mounted already; a fake serves one host.");
            }
            if (platforms.FirstOrDefault(p => p != platform && Overlap(p.PathPrefix, platform.PathPrefix)) is { } other)
            {
                throw new ArgumentException($"The {platform.Name} fake's prefix {platform.PathPrefix} overlaps the {other.Name} fake's {other.PathPrefix}: give each its own.", nameof(platforms));
            }
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, LoopbackHostLifetime>();
        var app = builder.Build();
        var host = new LoopbackPlatformHost(app, [.. platforms]);
        app.Run(host.HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("The loopback host did not report its address.");
            host.BaseUrl = address.TrimEnd('/');
            foreach (var platform in platforms)
            {
                platform.Mount(host.BaseUrl);
            }
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static bool Overlap(string a, string b) => Under(a, b) || Under(b, a);

    private static bool Under(string path, string prefix) =>
        prefix == "/" || path == prefix || path.StartsWith(prefix + "/", StringComparison.Ordinal);

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        _requests.Enqueue($"{request.PathBase}{request.Path}{request.QueryString}");
        var path = request.Path.Value ?? "";
        var platform = _platforms.FirstOrDefault(p => Under(path, p.PathPrefix));
        var answer = platform is null
            ? LoopbackAnswer.Json(404, writer =>
            {
                writer.WriteStartObject();
                writer.WriteStartObject("error");
                writer.WriteString("message", $"No platform is mounted at {path}; mounted: {string.Join(", ", _platforms.Select(p => p.PathPrefix))}.");
                writer.WriteEndObject();
                writer.WriteEndObject();
            })
            : platform.Answer(request, platform.PathPrefix == "/" ? path : path[platform.PathPrefix.Length..]);

        var response = context.Response;
        response.StatusCode = answer.Status;
        response.ContentType = answer.ContentType;
        var extra = platform?.ResponseHeaders?.Invoke(request) ?? new Dictionary<string, string>();
        foreach (var (name, value) in answer.Headers.Concat(extra))
        {
            response.Headers[name] = value;
        }
        if (platform?.Truncate?.Invoke(request) == true)
        {
            await response.Body.WriteAsync(answer.Body.AsMemory(0, answer.Body.Length / 2), context.RequestAborted).ConfigureAwait(false);
            return;
        }
        response.ContentLength = answer.Body.Length;
        await response.Body.WriteAsync(answer.Body, context.RequestAborted).ConfigureAwait(false);
    }
}
