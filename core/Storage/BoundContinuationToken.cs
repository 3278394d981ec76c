using System.Buffers.Text;
using System.Text.Json;
using SocialMonitor.Core.Findings;

namespace SocialMonitor.Core.Storage;

/// <summary>
/// A continuation token opaque to callers and bound to its query: base64url JSON of the query's hash and the position.
/// A token of another query, or not a token at all, is an <see cref="InvalidContinuationTokenException"/>.
/// </summary>
public static class BoundContinuationToken
{
    public static string Write<T>(T position, string queryHash) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new State<T> { Q = queryHash, P = position }));

    /// <summary>The position in <paramref name="token"/>, or default for no token.</summary>
    public static T? Read<T>(string? token, string queryHash)
    {
        if (string.IsNullOrEmpty(token))
        {
            return default;
        }
        try
        {
            var state = JsonSerializer.Deserialize<State<T>>(Base64Url.DecodeFromChars(token));
            if (state?.Q == queryHash && state.P is not null)
            {
                return state.P;
            }
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            // Falls through to the refusal below.
        }
        throw new InvalidContinuationTokenException();
    }

    private sealed class State<T>
    {
        public string? Q { get; set; }
        public T? P { get; set; }
    }
}
