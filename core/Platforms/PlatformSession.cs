using System.Collections.Concurrent;
using SocialMonitor.Core.Accounts;

namespace SocialMonitor.Core.Platforms;

/// <summary>
/// One account's calls in one scan: the account, its token (never logged), where each answer goes (the archive, or
/// nowhere in a dry run), and the API calls and quota units counted per stream (<see cref="PlatformCallCounter"/>
/// counts every attempt that leaves the process, retries included).
/// </summary>
public sealed class PlatformSession(Account account, string token, Func<PlatformResponse, CancellationToken, Task>? recorder = null)
{
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _units = new(StringComparer.Ordinal);

    public Account Account { get; } = account;
    public string Token { get; } = token;

    /// <summary>API calls made so far, by stream name (comments of every post under one name).</summary>
    public IReadOnlyDictionary<string, int> Calls => new SortedDictionary<string, int>(_calls, StringComparer.Ordinal);

    public int TotalCalls => _calls.Values.Sum();

    /// <summary>Quota units spent so far, by stream name: one per call unless the client says a request costs more (YouTube) or adds units after reading (X counts posts read).</summary>
    public IReadOnlyDictionary<string, long> Units => new SortedDictionary<string, long>(_units, StringComparer.Ordinal);

    public long TotalUnits => _units.Values.Sum();

    /// <summary>One request sent for <paramref name="stream"/>, costing <paramref name="units"/> quota units.</summary>
    public void Count(string stream, int units = 1)
    {
        _calls.AddOrUpdate(stream, 1, (_, n) => n + 1);
        CountUnits(stream, units);
    }

    /// <summary>Units spent without a request of their own (a platform that charges per entry read).</summary>
    public void CountUnits(string stream, long units) => _units.AddOrUpdate(stream, units, (_, n) => n + units);

    public Task RecordAsync(PlatformResponse response, CancellationToken cancellationToken) =>
        recorder is null ? Task.CompletedTask : recorder(response, cancellationToken);
}
