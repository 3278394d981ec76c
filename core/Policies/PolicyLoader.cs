using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SocialMonitor.Core.Policies;

/// <summary>
/// Reads and checks <c>policy.json</c>, the term lists and the brand images it names: first against
/// <c>policy.schema.json</c>, then the checks a schema cannot make (a known time zone, business hours that end after
/// they start, name patterns that are regular expressions, brand images that decode; each image's perceptual hash is
/// computed here, once, when the policy loads). Any problem is a
/// <see cref="PolicyException"/> naming the file, the field (a JSON path) and the reason.
/// </summary>
public static class PolicyLoader
{
    private static readonly JsonSerializerOptions _options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly JsonDocumentOptions _documentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>The policy file at <paramref name="path"/> and the lists and images beside it.</summary>
    public static Policy Load(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        return Load(path, Text(ReadFile(path, path)), relative =>
        {
            var file = Path.Combine(directory, relative);
            return File.Exists(file) ? ReadFile(path, file) : null;
        });
    }

    /// <summary>
    /// The policy <paramref name="json"/> read from <paramref name="source"/>, with its lists and brand images read through
    /// <paramref name="readFile"/> (a path relative to the policy; null when there is no such file or blob).
    /// </summary>
    public static Policy Load(string source, string json, Func<string, byte[]?> readFile)
    {
        ArgumentNullException.ThrowIfNull(readFile);
        var policy = Parse(json, source);
        var lists = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (name, relative) in policy.Lists)
        {
            var bytes = readFile(relative)
                ?? throw new PolicyException(source, PolicySchema.JsonPath(["lists", name]), $"names {relative}, which does not exist beside the policy file");
            lists[name] = ReadList(Text(bytes).Split('\n'));
        }
        var images = new List<BrandImage>();
        for (var i = 0; i < policy.Branding.ImageFiles.Count; i++)
        {
            var relative = policy.Branding.ImageFiles[i];
            var field = PolicySchema.JsonPath(["branding", "images", i.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            var bytes = readFile(relative) ?? throw new PolicyException(source, field, $"names {relative}, which does not exist beside the policy file");
            try
            {
                images.Add(new BrandImage(relative, Images.PerceptualHash.Compute(bytes)));
            }
            catch (Images.ImageRefusedException e)
            {
                throw new PolicyException(source, field, $"names {relative}, which cannot be read as an image: {e.Message}", e);
            }
        }
        return policy with { ListContents = lists, Branding = policy.Branding with { Images = images } };
    }

    /// <summary>Parses and checks the policy document itself (not its lists).</summary>
    public static Policy Parse(string json, string file)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: _documentOptions);
        }
        catch (JsonException e)
        {
            throw new PolicyException(file, e.Path ?? "$", $"is not valid JSON (line {e.LineNumber + 1}): {e.Message.Split(" Path:")[0]}", e);
        }
        if (node is not JsonObject document)
        {
            throw new PolicyException(file, "$", "must be a JSON object");
        }
        var problems = PolicySchema.Problems(JsonSerializer.SerializeToElement(document));
        if (problems.Count > 0)
        {
            var (field, reason) = problems[0];
            var more = problems.Count == 1 ? "" : $" (and {string.Join("; ", problems.Skip(1).Select(p => $"{p.Field}: {p.Reason}"))})";
            throw new PolicyException(file, field, reason + more);
        }
        document.Remove("$schema");
        Policy? policy;
        try
        {
            policy = document.Deserialize<Policy>(_options);
        }
        catch (JsonException e)
        {
            throw new PolicyException(file, e.Path ?? "$", e.Message.Split(" Path:")[0], e);
        }
        if (policy is null)
        {
            throw new PolicyException(file, "$", "is empty");
        }
        Check(policy, file);
        return policy;
    }

    /// <summary>One term per line; blank lines and lines starting with # (the source and licence header) are dropped.</summary>
    public static IReadOnlyList<string> ReadList(IEnumerable<string> lines) =>
        [.. lines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))];

    /// <summary>UTF-8 text without its byte order mark, as <see cref="File.ReadAllText(string)"/> reads it.</summary>
    public static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');

    private static byte[] ReadFile(string policy, string file)
    {
        try
        {
            return File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PolicyException(policy, "$", $"cannot read {file}: {e.Message}", e);
        }
    }

    /// <summary>What the schema cannot say.</summary>
    private static void Check(Policy policy, string file)
    {
        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(policy.TimeZone);
        }
        catch (TimeZoneNotFoundException e)
        {
            throw new PolicyException(file, "$.timeZone", $"'{policy.TimeZone}' is not a known time zone (use an IANA name such as America/Los_Angeles)", e);
        }
        if (policy.BusinessHours.End <= policy.BusinessHours.Start)
        {
            throw new PolicyException(file, "$.businessHours.end", "must be later than start");
        }
        foreach (var (platform, patterns) in policy.Branding.NamePatterns)
        {
            for (var i = 0; i < patterns.Count; i++)
            {
                try
                {
                    _ = new System.Text.RegularExpressions.Regex(patterns[i].Replace("{location}", "", StringComparison.Ordinal));
                }
                catch (ArgumentException e)
                {
                    throw new PolicyException(file, PolicySchema.JsonPath(["branding", "namePatterns", platform, i.ToString(System.Globalization.CultureInfo.InvariantCulture)]),
                        $"is not a regular expression: {e.Message}", e);
                }
            }
        }
    }
}
