using Microsoft.AspNetCore.Http;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Policies;
using SocialMonitor.Core.Rules;

namespace SocialMonitor.Core.Api;

/// <summary>
/// <c>GET /api/session</c>: who the caller is and what the page needs to show their findings in words: their locations
/// and accounts, every rule's title and advice, the statuses a person may move a finding to, the library's time zone
/// and date, and the anti-forgery token its changes carry (null for a key caller, who needs none). Never cached.
/// </summary>
public sealed class SessionApi(ApiRunner runner, ApiAuthenticator authenticator, AccountRegistry registry, VisibleLocations visible, Policy policy, TimeProvider time)
{
    public Task GetAsync(HttpContext context, CancellationToken cancellationToken) =>
        runner.RunAsync(context, coordinatorOnly: false, async caller =>
        {
            _ = new ApiQuery(context.Request);
            var mine = await visible.ForAsync(caller, cancellationToken);
            var names = (await registry.ListLocationsAsync(cancellationToken)).ToDictionary(l => l.Id, l => l.Name, StringComparer.Ordinal);
            // A manager's filters never name a staff member's personal account (the coordinator's only, VisibleLocations).
            var accounts = (await registry.ListAccountsAsync(cancellationToken)).Where(a => caller.MaySee(a.Location) && !VisibleLocations.IsHidden(caller, a))
                .OrderBy(a => a.Id, StringComparer.Ordinal).Select(a => new { id = a.Id, platform = a.Platform, location = a.Location, handle = a.Handle });
            context.Response.Headers.CacheControl = "no-store";
            await ApiOutput.WriteJsonAsync(context, new
            {
                name = caller.Name,
                role = caller.Role,
                antiForgery = caller.AntiForgery,
                signOut = authenticator.UsesAppService ? "/.auth/logout?post_logout_redirect_uri=/" : "/signout",
                timeZone = policy.TimeZone,
                today = policy.LocalDate(time.GetUtcNow()),
                locations = mine.Select(l => new { id = l, name = names.GetValueOrDefault(l) ?? (l == Locations.District ? "District" : l) }),
                accounts,
                platforms = PlatformNames.All,
                severities = Severities.All,
                statuses = FindingStatuses.All,
                dismissReasons = DismissReasons.All,
                transitions = FindingStatuses.All.ToDictionary(s => s, s => FindingDisposition.AllowedFrom(s).ToList()),
                rules = RuleTexts.All.OrderBy(r => r.Id, StringComparer.Ordinal).Select(r => new { id = r.Id, family = r.Id.Split('.')[0], title = r.Title, advice = r.Advice }),
            }, cancellationToken);
        }, cancellationToken);
}
