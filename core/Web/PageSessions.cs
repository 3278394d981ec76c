using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using SocialMonitor.Core.Api;

namespace SocialMonitor.Core.Web;

/// <summary>
/// The page's sign-in where App Service Authentication does not run (<c>Api__AuthMode=ApiKeys</c>: <c>serve</c>,
/// <c>demo --serve</c>, the tests). <see cref="CreateLinks"/> makes one one-time link per configured key; opening it
/// (<see cref="Redeem"/>) makes a session bound to that key's role and locations, kept in this process's memory only, so
/// a restart signs everyone out and prints new links. Tokens and session ids are 256 random bits; neither is logged.
/// </summary>
public sealed class PageSessions(IOptions<ApiOptions> options, TimeProvider time)
{
    public const string CookieName = "socialmonitor-session";

    /// <summary>How long a session lasts; a sign-in link lasts as long before it is used.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    private readonly ConcurrentDictionary<string, (int Key, DateTimeOffset Expires)> _links = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PageSession> _sessions = new(StringComparer.Ordinal);

    /// <summary>A fresh one-time link for each configured key, on <paramref name="baseUrl"/>, landing on <paramref name="next"/>.</summary>
    public IReadOnlyList<SignInLink> CreateLinks(string baseUrl, string next = "/findings")
    {
        var keys = options.Value.Keys;
        var links = new List<SignInLink>(keys.Count);
        for (var i = 0; i < keys.Count; i++)
        {
            var token = NewSecret();
            _links[token] = (i, time.GetUtcNow() + Lifetime);
            var url = $"{baseUrl.TrimEnd('/')}/signin?token={token}&next={Uri.EscapeDataString(next)}";
            links.Add(new SignInLink(url, keys[i].Name is { Length: > 0 } name ? name : keys[i].Owner, keys[i].Role, keys[i].Locations));
        }
        return links;
    }

    /// <summary>Uses up a sign-in link: the new session, or null for a token that is unknown, used or expired.</summary>
    public PageSession? Redeem(string token)
    {
        if (!_links.TryRemove(token, out var link) || link.Expires <= time.GetUtcNow() || link.Key >= options.Value.Keys.Count)
        {
            return null;
        }
        var key = options.Value.Keys[link.Key];
        var coordinator = string.Equals(key.Role, Roles.Coordinator, StringComparison.OrdinalIgnoreCase);
        var caller = new ApiCaller(key.Owner.Trim(), coordinator ? Roles.Coordinator : Roles.Manager, coordinator ? null : key.LocationIds)
        {
            AntiForgery = NewSecret(),
        };
        var session = new PageSession(NewSecret(), caller, time.GetUtcNow() + Lifetime);
        _sessions[session.Id] = session;
        return session;
    }

    /// <summary>The live session of this cookie value, or null.</summary>
    public PageSession? Find(string? id)
    {
        if (id is not { Length: > 0 } || !_sessions.TryGetValue(id, out var session))
        {
            return null;
        }
        if (session.Expires > time.GetUtcNow())
        {
            return session;
        }
        _sessions.TryRemove(id, out _);
        return null;
    }

    public void End(string? id)
    {
        if (id is { Length: > 0 })
        {
            _sessions.TryRemove(id, out _);
        }
    }

    private static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
