using System.Collections.Concurrent;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Platforms;

namespace SocialMonitor.IntegrationTests.Support;

/// <summary>
/// A platform client with a plan Facebook does not have: posts (with change hints) and <c>mentions</c> on every scan,
/// comments per post, profile daily, and optionally a budget. Its streams are served from memory (it stands in for a
/// platform whose wire format is not the point of the test); each read is one request costing <see cref="UnitsPerRead"/>.
/// </summary>
internal sealed class PlannedTestClient(PlatformBudget? budget = null) : IPlatformClient
{
    public const string Mentions = "mentions";

    public int UnitsPerRead { get; init; } = 1;

    public ConcurrentQueue<(string Account, StreamRequest Request)> Reads { get; } = new();

    /// <summary>Items per stream key (<see cref="StreamNames.Key"/>), the same for every account.</summary>
    public Dictionary<string, List<Item>> Streams { get; } = new(StringComparer.Ordinal);

    public string Platform => "test";

    public ReadPlan Plan { get; } = new(
        [new PlannedRead(StreamNames.Posts, StreamAbsence.Confirm, ChangeHints: true), new PlannedRead(Mentions, StreamAbsence.Confirm)],
        [new PlannedRead(StreamNames.Comments, StreamAbsence.Confirm)],
        [new PlannedRead(StreamNames.Profile, StreamAbsence.Ignored)]) { Budget = budget };

    public PlatformCapabilities Capabilities { get; } = new(PlatformCapabilities.Names.ToDictionary(n => n, _ => CapabilityState.Supported));

    public IReadOnlyList<string> ImageHosts { get; } = [];

    public async Task<StreamRead> ReadAsync(PlatformSession session, StreamRequest request, CancellationToken cancellationToken)
    {
        await Task.Yield(); // Reads of concurrent scans interleave, as real requests do.
        Reads.Enqueue((session.Account.Id, request));
        session.Count(request.Stream, UnitsPerRead);
        var items = Streams.GetValueOrDefault(StreamNames.Key(request.Stream, request.Target)) ?? [];
        var hints = request.Stream == StreamNames.Posts
            ? items.ToDictionary(i => i.Id, i => new ChangeHint(i.Id + "|1", 1), StringComparer.Ordinal)
            : new Dictionary<string, ChangeHint>(StringComparer.Ordinal);
        return new StreamRead([.. items.Where(i => request.Since is not { } since || i.CreatedAt >= since)], hints);
    }

    public Task<bool> IsGoneAsync(PlatformSession session, string itemId, CancellationToken cancellationToken) => Task.FromResult(false);

    public Task<TokenStatus> CheckTokenAsync(PlatformSession session, CancellationToken cancellationToken) =>
        Task.FromResult(new TokenStatus(true, null, []));
}
