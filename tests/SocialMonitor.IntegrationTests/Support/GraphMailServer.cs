using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using MimeKit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SocialMonitor.IntegrationTests.Support;

/// <summary>
/// A loopback Microsoft Graph on 127.0.0.1 speaking its wire format for <c>POST /v1.0/users/{id}/sendMail</c>:
/// 202 with no body, or a status with Graph's error body (<c>{"error":{"code","message","innerError"}}</c>) and
/// <c>Retry-After</c> when asked. It records every request: path, Authorization header, body and arrival time.
/// </summary>
internal sealed class GraphMailServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<GraphRequest> _requests = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private GraphMailServer(WebApplication app) => _app = app;

    /// <summary>The base URL to set as <c>Graph__BaseUrl</c>: <c>http://127.0.0.1:{port}/v1.0</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    public IReadOnlyList<GraphRequest> Requests => [.. _requests];

    /// <summary>The answer to the n-th request (1-based); null answers 202 Accepted.</summary>
    public Func<int, GraphAnswer?>? Answer { get; set; }

    /// <summary>Runs when a request has been recorded, before it is answered.</summary>
    public Action<GraphRequest>? OnRequest { get; set; }

    public static async Task<GraphMailServer> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new GraphMailServer(app);
        app.MapPost("/v1.0/users/{user}/sendMail", server.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = address.TrimEnd('/') + "/v1.0";
        return server;
    }

    private async Task HandleAsync(HttpContext context, string user)
    {
        using var reader = new StreamReader(context.Request.Body);
        var request = new GraphRequest(
            context.Request.Path.Value!, Uri.UnescapeDataString(user), context.Request.Headers.Authorization.ToString(),
            context.Request.ContentType, await reader.ReadToEndAsync(context.RequestAborted), _clock.Elapsed);
        _requests.Enqueue(request);
        OnRequest?.Invoke(request);
        if ((Answer?.Invoke(_requests.Count) ?? Refusal(request)) is not { } answer)
        {
            context.Response.StatusCode = StatusCodes.Status202Accepted;
            return;
        }
        context.Response.StatusCode = answer.Status;
        if (answer.RetryAfter is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        context.Response.ContentType = "application/json";
        var error = new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = answer.Code,
                ["message"] = answer.Message,
                ["innerError"] = new JsonObject
                {
                    ["date"] = "2026-10-15T18:00:00",
                    ["request-id"] = "5f0c6c43-9c8e-4ad0-8f1e-2b4f6f1f6b11",
                    ["client-request-id"] = "0b8e4b2a-3c2d-4e5f-9a1b-7c6d5e4f3a2b",
                },
            },
        };
        await context.Response.WriteAsync(error.ToJsonString(), context.RequestAborted);
    }

    /// <summary>What Graph answers to a MIME sendMail whose body is not base64 or whose message has no recipient.</summary>
    private static GraphAnswer? Refusal(GraphRequest request)
    {
        if (request.ContentType?.StartsWith("text/plain", StringComparison.Ordinal) != true)
        {
            return null; // The JSON form; nothing of ours sends it.
        }
        try
        {
            return request.To.Count == 0 ? new GraphAnswer(400, "ErrorInvalidRecipients", "At least one recipient isn't valid.") : null;
        }
        catch (FormatException)
        {
            return new GraphAnswer(400, "ErrorMimeContentInvalidBase64String", "Invalid base64 string for MIME content.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>
/// One sendMail request as received, read the way Graph reads its MIME form (<c>Content-Type: text/plain</c>, the body
/// the base64 of an RFC 5322 message): recipients, subject, Reply-To and headers come from the message's own headers.
/// </summary>
internal sealed record GraphRequest(string Path, string User, string Authorization, string? ContentType, string Body, TimeSpan At)
{
    public MimeMessage Mime => MimeMessage.Load(new MemoryStream(Convert.FromBase64String(Body)));
    public string Subject => Mime.Subject ?? "";
    public string Text => Mime.TextBody ?? "";
    public string Html => Mime.HtmlBody ?? "";
    public string EmailId => Mime.Headers["X-SocialMonitor-Id"] ?? "";
    public IReadOnlyList<string> To => [.. Mime.To.Mailboxes.Select(m => m.Address)];
}

/// <summary>A status other than 202, with Graph's error code and message and an optional Retry-After in seconds.</summary>
internal sealed record GraphAnswer(int Status, string Code, string Message, int? RetryAfter = null);
