using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SocialMonitor.IntegrationTests.Support;

/// <summary>
/// A loopback Azure AI Content Safety on 127.0.0.1 speaking the wire format of
/// <c>POST /contentsafety/text:analyze?api-version=2024-09-01</c>: it answers <c>{"blocklistsMatch": [],
/// "categoriesAnalysis": [{"category", "severity"}]}</c> for the categories asked, from <see cref="Severities"/>; refuses
/// a text over 10,000 code points, another API version or a body without <c>text</c> with 400 and the service's error
/// body (<c>{"error": {"code", "message"}}</c>); or answers what <see cref="Answer"/> says (a status, <c>Retry-After</c>).
/// It records every request. It checks no credential: it keeps the Authorization header for the test to look at.
/// </summary>
internal sealed class ContentSafetyServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ContentSafetyRequest> _requests = new();

    private ContentSafetyServer(WebApplication app) => _app = app;

    /// <summary>The endpoint to set as <c>ContentSafety__Endpoint</c>: <c>http://127.0.0.1:{port}/</c>.</summary>
    public string Endpoint { get; private set; } = "";

    public IReadOnlyList<ContentSafetyRequest> Requests => [.. _requests];

    /// <summary>The severity (0, 2, 4, 6) of each category for a text; categories not returned are 0.</summary>
    public Func<string, IReadOnlyDictionary<string, int>> Severities { get; set; } = _ => new Dictionary<string, int>();

    /// <summary>An answer other than the analysis for the n-th request (1-based); null analyses the text.</summary>
    public Func<int, ContentSafetyFault?>? Answer { get; set; }

    public static async Task<ContentSafetyServer> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ContentSafetyServer(app);
        app.MapPost("/contentsafety/text:analyze", server.HandleAsync);
        await app.StartAsync(cancellationToken);
        server.Endpoint = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var json = JsonNode.Parse(body)?.AsObject();
        var text = json?["text"]?.GetValue<string>();
        var request = new ContentSafetyRequest(
            context.Request.QueryString.Value ?? "", context.Request.Headers.Authorization.ToString(), text,
            [.. json?["categories"]?.AsArray().Select(c => c!.GetValue<string>()) ?? []], json?["outputType"]?.GetValue<string>());
        _requests.Enqueue(request);
        if (Answer?.Invoke(_requests.Count) is { } fault)
        {
            if (fault.RetryAfter is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            }
            await ErrorAsync(context, fault.Status, fault.Code, fault.Message);
            return;
        }
        if (context.Request.Query["api-version"] != "2024-09-01")
        {
            await ErrorAsync(context, 404, "404", "Resource not found");
            return;
        }
        if (text is null)
        {
            await ErrorAsync(context, 400, "InvalidRequestBody", "The request body is invalid: text is required.");
            return;
        }
        if (text.EnumerateRunes().Count() > 10_000)
        {
            await ErrorAsync(context, 400, "InvalidRequestBody", "The text is too long: at most 10000 characters are supported.");
            return;
        }
        var severities = Severities(text);
        var asked = request.Categories.Count > 0 ? request.Categories : ["Hate", "SelfHarm", "Sexual", "Violence"];
        var analysis = new JsonArray([.. asked.Select(c => (JsonNode)new JsonObject { ["category"] = c, ["severity"] = severities.GetValueOrDefault(c) })]);
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(new JsonObject { ["blocklistsMatch"] = new JsonArray(), ["categoriesAnalysis"] = analysis }.ToJsonString(), context.RequestAborted);
    }

    private static Task ErrorAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var error = new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message, ["details"] = new JsonArray() } };
        return context.Response.WriteAsync(error.ToJsonString(), context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One text:analyze request as received: the query string, the Authorization header and the body's fields.</summary>
internal sealed record ContentSafetyRequest(string Query, string Authorization, string? Text, IReadOnlyList<string> Categories, string? OutputType);

/// <summary>An error answer: status, the service's error code and message, and an optional Retry-After in seconds.</summary>
internal sealed record ContentSafetyFault(int Status, string Code, string Message, int? RetryAfter = null);
