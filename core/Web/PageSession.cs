using SocialMonitor.Core.Api;

namespace SocialMonitor.Core.Web;

/// <summary>A signed-in browser: the caller of the key its sign-in link was made for, its anti-forgery token, and when it ends.</summary>
public sealed record PageSession(string Id, ApiCaller Caller, DateTimeOffset Expires);
