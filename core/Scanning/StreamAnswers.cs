using System.Text.Json;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Platforms;

namespace SocialMonitor.Core.Scanning;

/// <summary>
/// The archived answers of the stream being read (their SHA-256 and body), so that each item version records which
/// answers it came from: the answers whose body holds the item's id as a JSON string, or, when none does (an id the
/// client composed), every successful answer of the read. Cleared after each stream, before the next is read.
/// </summary>
public sealed class StreamAnswers
{
    private readonly List<(string Sha256, int Status, string Body)> _answers = [];
    private readonly Lock _lock = new();

    public void Add(string sha256, PlatformResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        lock (_lock)
        {
            _answers.Add((sha256, response.Status, response.Body));
        }
    }

    /// <summary>The SHA-256 of the answers <paramref name="item"/> came from, each once, in the order they arrived.</summary>
    public IReadOnlyList<string> SourcesOf(Item item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var quoted = JsonSerializer.Serialize(item.Id);
        lock (_lock)
        {
            var holding = _answers.Where(a => a.Body.Contains(quoted, StringComparison.Ordinal)).Select(a => a.Sha256).Distinct(StringComparer.Ordinal).ToList();
            return holding.Count > 0
                ? holding
                : [.. _answers.Where(a => a.Status is >= 200 and < 300).Select(a => a.Sha256).Distinct(StringComparer.Ordinal)];
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _answers.Clear();
        }
    }
}
