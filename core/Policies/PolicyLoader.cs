using System.Text.Json;
using System.Text.Json.Serialization;
using SocialMonitor.Core.Rules;

namespace SocialMonitor.Core.Policies;

/// <summary>Reads and checks <c>policy.json</c> and the term lists it names; any problem is a <see cref="PolicyException"/>.</summary>
public static class PolicyLoader
{
    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static Policy Load(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PolicyException(path, "$", $"cannot be read: {e.Message}", e);
        }
        var policy = Parse(json, path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var lists = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (name, relative) in policy.Lists)
        {
            var file = Path.Combine(directory, relative);
            if (!File.Exists(file))
            {
                throw new PolicyException(path, $"$.lists.{name}", $"names {relative}, which does not exist beside the policy file");
            }
            lists[name] = ReadList(File.ReadAllLines(file));
        }
        return policy with { ListContents = lists };
    }

    /// <summary>Parses and checks the policy document itself (not its lists).</summary>
    public static Policy Parse(string json, string file)
    {
        Policy? policy;
        try
        {
            policy = JsonSerializer.Deserialize<Policy>(json, s_options);
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
        if (policy.OwnDomains.Count == 0)
        {
            throw new PolicyException(file, "$.ownDomains", "must name at least the library's own domain");
        }
        foreach (var (rule, severity) in policy.Severities)
        {
            if (!Severities.All.Contains(severity))
            {
                throw new PolicyException(file, $"$.severities.{rule}", $"'{severity}' is not one of {string.Join(", ", Severities.All)}");
            }
        }
        var days = new[] { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
        if (policy.BusinessHours.Days.FirstOrDefault(d => !days.Contains(d)) is { } day)
        {
            throw new PolicyException(file, "$.businessHours.days", $"'{day}' is not one of {string.Join(", ", days)}");
        }
        if (policy.BusinessHours.End <= policy.BusinessHours.Start)
        {
            throw new PolicyException(file, "$.businessHours.end", "must be later than start");
        }
        if (policy.Sla.Critical <= 0 || policy.Sla.High <= 0)
        {
            throw new PolicyException(file, "$.sla", "hours must be positive whole numbers");
        }
    }
}
