using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SocialMonitor.IntegrationTests.Support;

/// <summary>
/// A loopback platform that echoes what it was sent, the way real APIs echo their request URL in paging links and error
/// bodies: <c>/list?page=N</c> answers <c>{"items":[N],"echo":"&lt;url&gt;","auth":"&lt;Authorization&gt;","next":…}</c>
/// up to <see cref="Pages"/>, the next link carrying the whole query (secrets included) on <see cref="NextBase"/>;
/// <c>/broken</c> answers 200 with a truncated body that echoes the URL; <c>/gone</c> answers 404 with an error body
/// that echoes it; <c>/flaky</c> answers 503 once, then 200. Every request is logged (path and query).
/// </summary>
internal sealed class EchoPlatformServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _flaky;

    private EchoPlatformServer(WebApplication app) => _app = app;

    public ConcurrentQueue<string> Requests { get; } = new();

    public string BaseUrl { get; private set; } = "";

    /// <summary>Where next-page links point; the server's own URL unless a test points them at another host.</summary>
    public string? NextBase { get; set; }

    public int Pages { get; set; } = 3;

    public static async Task<EchoPlatformServer> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new EchoPlatformServer(app);
        app.Run(server.AnswerAsync);
        await app.StartAsync(cancellationToken);
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return server;
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var request = context.Request;
        var url = $"{BaseUrl}{request.Path}{request.QueryString}";
        Requests.Enqueue($"{request.Path}{request.QueryString}");
        var auth = request.Headers.Authorization.ToString();
        context.Response.ContentType = "application/json";
        switch (request.Path.Value)
        {
            case "/list":
                var page = int.Parse(request.Query["page"].FirstOrDefault() ?? "1", System.Globalization.CultureInfo.InvariantCulture);
                var query = string.Join('&', request.Query.Where(q => q.Key != "page").Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value.ToString())}"));
                var next = page < Pages ? $"{NextBase ?? BaseUrl}/list?page={page + 1}&{query}" : null;
                await context.Response.WriteAsync(JsonSerializer.Serialize(new { items = new[] { page }, echo = url, auth, next }));
                break;
            case "/broken":
                await context.Response.WriteAsync($$"""{"items":[1,2],"echo":"{{url}}","auth":"{{auth}}","next":""");
                break;
            case "/gone":
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                await context.Response.WriteAsync(JsonSerializer.Serialize(new { error = new { code = "notFound", message = $"No such thing at {url}" } }));
                break;
            case "/flaky":
                context.Response.StatusCode = Interlocked.Increment(ref _flaky) == 1 ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
                await context.Response.WriteAsync(JsonSerializer.Serialize(new { items = Array.Empty<int>(), echo = url }));
                break;
            default:
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
        }
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
