using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Api;
using SocialMonitor.Core.Hosting;
using SocialMonitor.Core.Web;

namespace SocialMonitor.Cli;

/// <summary>
/// <c>socialmonitor serve</c>: the HTTP API and the page on Kestrel, through the same handlers as the HTTP functions
/// (the page: every path the API does not name, as the function <c>Page</c> catches them).
/// </summary>
internal static class ApiServer
{
    public const string DefaultUrl = "http://localhost:7071";

    public static WebApplication Build(IConfiguration configuration, string url, bool verbose, Action<IServiceCollection>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        CliHost.AddCliLogging(builder.Logging, verbose);
        builder.Services.AddSocialMonitor(configuration);
        configure?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapGet("/api/findings", (HttpContext context, FindingsApi api, CancellationToken ct) => api.ListAsync(context, ct));
        app.MapGet("/api/findings/summary", (HttpContext context, FindingsApi api, CancellationToken ct) => api.SummaryAsync(context, ct));
        app.MapGet("/api/findings/trends", (HttpContext context, TrendsApi api, CancellationToken ct) => api.GetAsync(context, ct));
        app.MapGet("/api/findings/{id}", (HttpContext context, string id, FindingsApi api, CancellationToken ct) => api.GetAsync(context, id, ct));
        app.MapPost("/api/findings/dispositions", (HttpContext context, FindingsApi api, CancellationToken ct) => api.BulkDispositionAsync(context, ct));
        app.MapPost("/api/findings/{id}/disposition", (HttpContext context, string id, FindingsApi api, CancellationToken ct) => api.DispositionAsync(context, id, ct));
        app.MapGet("/api/audit", (HttpContext context, AuditApi api, CancellationToken ct) => api.ListAsync(context, ct));
        app.MapGet("/api/accounts", (HttpContext context, AccountsApi api, CancellationToken ct) => api.ListAsync(context, ct));
        app.MapGet("/api/health", (HttpContext context, HealthApi api, CancellationToken ct) => api.GetAsync(context, ct));
        app.MapGet("/api/approvals/{kind}", (HttpContext context, string kind, ApprovalsApi api, CancellationToken ct) => api.ListAsync(context, kind, ct));
        app.MapPost("/api/approvals/{kind}", (HttpContext context, string kind, ApprovalsApi api, CancellationToken ct) => api.AddAsync(context, kind, ct));
        app.MapDelete("/api/approvals/{kind}/{id}", (HttpContext context, string kind, string id, ApprovalsApi api, CancellationToken ct) => api.RevokeAsync(context, kind, id, ct));
        app.MapGet("/api/records/export", (HttpContext context, RecordsApi api, CancellationToken ct) => api.ExportAsync(context, ct));
        app.MapGet("/api/items/{id}", (HttpContext context, string id, ItemsApi api, CancellationToken ct) => api.GetAsync(context, id, ct));
        app.MapGet("/api/session", (HttpContext context, SessionApi api, CancellationToken ct) => api.GetAsync(context, ct));
        app.MapGet("/api/records/holds", (HttpContext context, HoldsApi api, CancellationToken ct) => api.ListAsync(context, ct));
        app.MapPost("/api/records/holds", (HttpContext context, HoldsApi api, CancellationToken ct) => api.PlaceAsync(context, ct));
        app.MapDelete("/api/records/holds/{id}", (HttpContext context, string id, HoldsApi api, CancellationToken ct) => api.LiftAsync(context, id, ct));
        app.MapGet("/api/openapi.json", (HttpContext context, OpenApiDocument document, CancellationToken ct) => document.GetAsync(context, ct));
        app.MapMethods("/{**path}", ["GET", "HEAD", "POST"], (HttpContext context, WebPages pages, CancellationToken ct) => pages.HandleAsync(context, ct));
        return app;
    }
}
