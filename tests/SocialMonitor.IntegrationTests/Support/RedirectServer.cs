using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SocialMonitor.IntegrationTests.Support;

/// <summary>
/// A loopback link shortener: each path in the map answers 301 with its Location (<c>{base}</c> stands for this server's
/// own URL); <c>/slow</c> answers only when the test ends; anything else answers 200. Every request is logged.
/// </summary>
internal sealed class RedirectServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RedirectServer(WebApplication app) => _app = app;

    public ConcurrentQueue<(string Method, string Path)> Requests { get; } = new();

    public string BaseUrl { get; private set; } = "";

    public static async Task<RedirectServer> StartAsync(IReadOnlyDictionary<string, string> redirects, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new RedirectServer(app);
        app.Run(async context =>
        {
            server.Requests.Enqueue((context.Request.Method, context.Request.Path + context.Request.QueryString));
            if (context.Request.Path == "/slow")
            {
                await server._release.Task.WaitAsync(context.RequestAborted);
            }
            if (redirects.TryGetValue(context.Request.Path, out var location))
            {
                context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
                context.Response.Headers.Location = location.Replace("{base}", server.BaseUrl, StringComparison.Ordinal);
            }
        });
        await app.StartAsync(cancellationToken);
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        _release.TrySetResult();
        await _app.DisposeAsync();
    }
}
