using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialMonitor.Core.Items;

/// <summary>The JSON conventions of every contract: camelCase, nulls written, UTC ISO 8601 times.</summary>
public static class ItemJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new UtcDateTimeOffsetConverter() },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"Expected a JSON {typeof(T).Name}, got null.");

    /// <summary>
    /// The content hash: text, links, media (URLs, alt text, captions) and profile images' perceptual hashes only; never counts, times or hidden state.
    /// </summary>
    public static string ContentHash(Item item)
    {
        var content = new StringBuilder(item.Text.Length + 64);
        content.Append(item.Text).Append('\u001f');
        foreach (var link in item.Links)
        {
            content.Append(link).Append('\u001e');
        }
        content.Append('\u001f');
        foreach (var media in item.Media)
        {
            content.Append(media.Type).Append('\u001e').Append(media.Url).Append('\u001e')
                // Unknown captions hash as false, as every item did before captions could be unknown: a stored item's hash stays the
                // same, so the change of contract is not an edit of every post with a video.
                .Append(media.AltText ?? "\u0000").Append('\u001e').Append(media.Captions == true ? '1' : '0').Append('\u001d');
        }
        // A profile image's perceptual hash: a new logo at the same URL (Facebook's CDN keeps it) is an edit. Only when present,
        // so the hash of every item stored before images were hashed stays the same.
        foreach (var (_, hash, _) in ProfileFacts.Images)
        {
            if (item.Facts?.GetValueOrDefault(hash) is { } imageHash)
            {
                content.Append('\u001f').Append(hash).Append('=').Append(imageHash);
            }
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content.ToString())));
    }

    private sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DateTimeOffset.Parse(reader.GetString()!, System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime();

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
    }
}
