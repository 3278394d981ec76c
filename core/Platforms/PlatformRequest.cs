namespace SocialMonitor.Core.Platforms;

/// <summary>
/// One GET a client asks <see cref="PlatformHttp"/> to send: the stream it is counted under, the item it concerns (a
/// post's comments, a deletion check), the absolute URL (secrets included: it is never shown as is), whether it reads a
/// list (paged) or one object, the quota units one attempt costs (1 where the platform counts calls only), and any
/// request headers (a bearer token: declare the header in <see cref="PlatformSecrets.Headers"/>).
/// </summary>
public sealed record PlatformRequest(string Stream, string? Target, string Url, bool List = false)
{
    public int Units { get; init; } = 1;

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}
