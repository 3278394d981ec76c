using System.Collections.Concurrent;
using SocialMonitor.Core.Accounts;

namespace SocialMonitor.Core.Platforms;

/// <summary>
/// One account's calls in one scan: the account, its token (never logged), where each answer goes (the archive, or
/// nowhere in a dry run), and the API calls counted per stream.
/// </summary>
public sealed class PlatformSession(Account account, string token, Func<PlatformResponse, CancellationToken, Task>? recorder = null)
{
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    public Account Account { get; } = account;
    public string Token { get; } = token;

    /// <summary>API calls made so far, by stream name (comments of every post under one name).</summary>
    public IReadOnlyDictionary<string, int> Calls => new SortedDictionary<string, int>(_calls, StringComparer.Ordinal);

    public int TotalCalls => _calls.Values.Sum();

    public void Count(string stream) => _calls.AddOrUpdate(stream, 1, (_, n) => n + 1);

    public Task RecordAsync(PlatformResponse response, CancellationToken cancellationToken) =>
        recorder is null ? Task.CompletedTask : recorder(response, cancellationToken);
}
