using SocialMonitor.Core.Accounts;

namespace SocialMonitor.Core.Platforms;

/// <summary>One sealed client per platform. It reads an account's items since a cursor, following paging to the end.</summary>
public interface IPlatformClient
{
    /// <summary>The platform name, as in <see cref="PlatformNames"/>.</summary>
    string Platform { get; }

    /// <summary>
    /// Reads every item of <paramref name="account"/> created or updated since <paramref name="since"/>. Throws
    /// <see cref="PlatformException"/> (token stripped from every URL in it) when a page cannot be read; nothing is
    /// returned then, so the caller's cursor stays where it was.
    /// </summary>
    Task<PlatformReadResult> ReadAsync(Account account, string token, DateTimeOffset since, CancellationToken cancellationToken);
}
