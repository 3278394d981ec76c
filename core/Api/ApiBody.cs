using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using SocialMonitor.Core.Items;

namespace SocialMonitor.Core.Api;

/// <summary>A request's JSON body: at most 16 KiB, unknown fields refused, every problem a 400 that says where.</summary>
public static class ApiBody
{
    public const int MaxBytes = 16 * 1024;

    private static readonly JsonSerializerOptions s_strict = new(ItemJson.Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw ApiProblemException.BadBody($"The body is larger than {MaxBytes / 1024} KiB.");
            }
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0)
        {
            throw ApiProblemException.BadBody("The body is empty: send a JSON object.");
        }
        try
        {
            return JsonSerializer.Deserialize<T>(buffer.ToArray(), s_strict) ?? throw ApiProblemException.BadBody("The body is null: send a JSON object.");
        }
        catch (JsonException e)
        {
            throw ApiProblemException.BadBody($"The body is not the JSON object expected {JsonErrorText.Describe(e)}{(e.Path is { Length: > 1 } path ? $" ({path})" : "")}.");
        }
    }
}
