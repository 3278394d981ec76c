using System.Text.Json;

namespace SocialMonitor.Core.Platforms;

/// <summary>
/// One page of a list as the client reads it: its entries, and the absolute URL of the next page (null on the last).
/// <see cref="PlatformHttp.ReadListAsync"/> follows <see cref="Next"/> only on the host of the first request.
/// </summary>
public sealed record PlatformPage(IReadOnlyList<JsonElement> Entries, string? Next);
