using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialMonitor.Local.Platforms.LinkedIn;

/// <summary>
/// The organizations that <see cref="LinkedInRestApi"/> serves, one file per organization under <c>samples/linkedin/</c>
/// (<see cref="Load"/>) or one organization of a test's own (<see cref="Parse"/>), each a
/// <see cref="LinkedInSampleOrganization"/>: <c>{"urn","organization":{…},"posts":[…],"comments":{"&lt;postUrn&gt;":[…]},"acls":[…]}</c>.
/// </summary>
public sealed class LinkedInSampleData
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public IReadOnlyList<LinkedInSampleOrganization> Organizations { get; init; } = [];

    /// <summary>Every <c>*.json</c> of the folder, in name order; a file that is not an organization fails naming the file and what is wrong.</summary>
    public static LinkedInSampleData Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"No LinkedIn sample data at {directory}: expected a folder with one JSON file per organization.");
        }
        var organizations = new List<LinkedInSampleOrganization>();
        foreach (var file in Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                organizations.Add(Parse(File.ReadAllText(file)));
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{file}: {ex.Message}", ex);
            }
        }
        return organizations.Count == 0
            ? throw new InvalidDataException($"{directory} holds no *.json organization file.")
            : new LinkedInSampleData { Organizations = organizations };
    }

    /// <summary>One organization file; the URN must be an organization URN.</summary>
    public static LinkedInSampleOrganization Parse(string json)
    {
        var organization = JsonSerializer.Deserialize<LinkedInSampleOrganization>(json, JsonOptions)
            ?? throw new JsonException("Expected an organization object, got null.");
        if (organization.Urn is null || !organization.Urn.StartsWith("urn:li:organization:", StringComparison.Ordinal))
        {
            throw new JsonException($"urn must be urn:li:organization:…, not '{organization.Urn}'.");
        }
        return organization with { Posts = organization.Posts ?? [], Acls = organization.Acls ?? [],
            Comments = organization.Comments ?? new Dictionary<string, IReadOnlyList<JsonElement>>() };
    }
}
