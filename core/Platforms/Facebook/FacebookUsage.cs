using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace SocialMonitor.Core.Platforms.Facebook;

/// <summary>
/// Facebook's usage headers: <c>X-App-Usage</c> and <c>X-Page-Usage</c> (<c>{"call_count","total_time","total_cputime"}</c>,
/// percentages of the limit) and <c>X-Business-Use-Case-Usage</c> (<c>{"&lt;object id&gt;":[{"type","call_count",
/// "total_time","total_cputime","estimated_time_to_regain_access"}]}</c>, the wait in minutes). Meta sends them only
/// once enough calls were made, so their absence means low usage.
/// </summary>
internal sealed record FacebookUsage(int AppPercent, IReadOnlyDictionary<string, int> ObjectPercent, IReadOnlyDictionary<string, TimeSpan> ObjectWait)
{
    public const string AppUsageHeader = "X-App-Usage";
    public const string PageUsageHeader = "X-Page-Usage";
    public const string BusinessUseCaseHeader = "X-Business-Use-Case-Usage";

    /// <summary>The longest wait any header asks for (<c>estimated_time_to_regain_access</c>), or null.</summary>
    public TimeSpan? LongestWait => ObjectWait.Count == 0 ? null : ObjectWait.Values.Max();

    public static FacebookUsage Read(HttpResponseHeaders headers, string? pageId)
    {
        var appPercent = 0;
        var objectPercent = new Dictionary<string, int>(StringComparer.Ordinal);
        var objectWait = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        if (Header(headers, AppUsageHeader) is { ValueKind: JsonValueKind.Object } app)
        {
            appPercent = MaxPercent(app);
        }
        if (pageId is not null && Header(headers, PageUsageHeader) is { ValueKind: JsonValueKind.Object } page)
        {
            Add(pageId, page, objectPercent, objectWait);
        }
        if (Header(headers, BusinessUseCaseHeader) is { ValueKind: JsonValueKind.Object } buc)
        {
            foreach (var entry in buc.EnumerateObject().Where(e => e.Value.ValueKind == JsonValueKind.Array))
            {
                foreach (var usage in entry.Value.EnumerateArray().Where(u => u.ValueKind == JsonValueKind.Object))
                {
                    Add(entry.Name, usage, objectPercent, objectWait);
                }
            }
        }
        return new FacebookUsage(appPercent, objectPercent, objectWait);
    }

    private static void Add(string id, JsonElement usage, Dictionary<string, int> percent, Dictionary<string, TimeSpan> wait)
    {
        percent[id] = Math.Max(percent.GetValueOrDefault(id), MaxPercent(usage));
        if (Number(usage, "estimated_time_to_regain_access") is > 0 and var minutes)
        {
            var asked = TimeSpan.FromMinutes(minutes);
            wait[id] = wait.TryGetValue(id, out var known) && known > asked ? known : asked;
        }
    }

    private static int MaxPercent(JsonElement usage) =>
        new[] { Number(usage, "call_count"), Number(usage, "total_time"), Number(usage, "total_cputime") }.Max();

    private static int Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number)
            ? (int)Math.Ceiling(number)
            : 0;

    private static JsonElement? Header(HttpResponseHeaders headers, string name)
    {
        if (!headers.TryGetValues(name, out var values))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(string.Join("", values));
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null; // A header we cannot read tells us nothing; the error codes still do.
        }
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"app {AppPercent}%, objects {string.Join(", ", ObjectPercent.Select(p => $"{p.Key} {p.Value}%"))}");
}
