using System.Text.Json;
using System.Text.Json.Nodes;

namespace SocialMonitor.Local;

/// <summary>What a route answers: the HTTP status, the body (JSON unless <see cref="ContentType"/> says otherwise) and any headers.</summary>
public sealed record LoopbackAnswer(int Status, byte[] Body)
{
    public string ContentType { get; init; } = "application/json; charset=UTF-8";

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>A JSON answer written by <paramref name="write"/>.</summary>
    public static LoopbackAnswer Json(int status, Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }
        return new LoopbackAnswer(status, buffer.ToArray());
    }

    /// <summary>A JSON answer holding <paramref name="node"/>.</summary>
    public static LoopbackAnswer Json(int status, JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return Json(status, writer => node.WriteTo(writer));
    }
}
