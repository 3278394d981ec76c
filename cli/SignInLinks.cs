using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Api;
using SocialMonitor.Core.Web;

namespace SocialMonitor.Cli;

/// <summary>What <c>serve</c> and <c>demo --serve</c> print: the page's address and one one-time sign-in link per configured key.</summary>
internal static class SignInLinks
{
    public static async Task PrintAsync(WebApplication app, string url, TextWriter output)
    {
        if (app.Services.GetRequiredService<ApiAuthenticator>().UsesAppService)
        {
            await output.WriteLineAsync($"The page is on {url}/findings (App Service Authentication signs people in).");
            return;
        }
        var links = app.Services.GetRequiredService<PageSessions>().CreateLinks(url);
        if (links.Count == 0)
        {
            await output.WriteLineAsync("No Api__Keys__<n> is configured: there is no one to sign in to the page.");
            return;
        }
        await output.WriteLineAsync($"The page is on {url}/findings. Sign in with one of these links (each works once, until this command stops):");
        foreach (var link in links)
        {
            var scope = string.Equals(link.Role, Roles.Coordinator, StringComparison.OrdinalIgnoreCase) ? "every location" : link.Locations;
            await output.WriteLineAsync($"  {link.KeyName} ({link.Role}, {scope}): {link.Url}");
        }
    }
}
