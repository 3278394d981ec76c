using SocialMonitor.Core.Items;

namespace SocialMonitor.Core.Platforms;

/// <summary>The items read, the cursor to store once they are queued, and how many API calls it took.</summary>
public sealed record PlatformReadResult(IReadOnlyList<Item> Items, DateTimeOffset Cursor, int Calls);
