using System.Text.Json;
using System.Text.RegularExpressions;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Infra;

/// <summary>
/// The README says Node.js 20 (the build machines have it): every package <c>npm ci</c> installs must accept Node 20,
/// or npm warns EBADENGINE and a later release may refuse to run.
/// </summary>
public sealed partial class NodePackagesTests
{
    /// <summary>The newest Node 20 (a range that accepts any 20.x accepts this one).</summary>
    private static readonly Version s_node20 = new(20, 99, 0);

    [Fact]
    public void PackageLock_EveryPackage_AcceptsNode20()
    {
        using var lockFile = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "package-lock.json")));

        var refused = lockFile.RootElement.GetProperty("packages").EnumerateObject()
            .Where(p => p.Value.TryGetProperty("engines", out var engines) && engines.ValueKind == JsonValueKind.Object
                && engines.TryGetProperty("node", out var node) && !Accepts(node.GetString()!, s_node20))
            .Select(p => $"{p.Name} ({p.Value.GetProperty("engines").GetProperty("node").GetString()})")
            .ToList();

        Assert.Empty(refused);
        Assert.Contains("Node.js 20", File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(">=22", false)]
    [InlineData(">=22.0.0", false)]
    [InlineData("^18.19.0 || >=20.6.0", true)]
    [InlineData(">= 0.8", true)]
    [InlineData("*", true)]
    [InlineData("<=0.11.8 || >0.11.10", true)]
    [InlineData("^12.22.0 || ^14.17.0 || >=16.0.0", true)]
    [InlineData("^18 || ^22", false)]
    public void Accepts_Ranges_AsNpmReadsThem(string range, bool accepted) => Assert.Equal(accepted, Accepts(range, s_node20));

    /// <summary>npm's semver range: alternatives (||) of comparators (&gt;=, &gt;, &lt;=, &lt;, ^, =, x and * wildcards).</summary>
    private static bool Accepts(string range, Version version) =>
        range.Split("||").Any(alternative => Comparator().Matches(alternative).All(c => Matches(c, version)));

    private static bool Matches(Match comparator, Version version)
    {
        var op = comparator.Groups[1].Value;
        var parts = comparator.Groups[2].Value.Split('.').Select(p => int.TryParse(p, out var n) ? n : -1).ToArray();
        if (parts.Length == 0 || parts[0] < 0)
        {
            return true;
        }
        var bound = new Version(parts[0], parts.Length > 1 && parts[1] >= 0 ? parts[1] : 0, parts.Length > 2 && parts[2] >= 0 ? parts[2] : 0);
        var wildcard = parts.Length < 3 || parts.Any(p => p < 0);
        return op switch
        {
            ">=" => version >= bound,
            ">" => version > bound,
            "<=" => version <= bound,
            "<" => version < bound,
            "^" => version >= bound && version.Major == bound.Major,
            _ => wildcard ? version.Major == bound.Major : version == bound,
        };
    }

    [GeneratedRegex(@"(>=|<=|>|<|\^|~|=)?\s*v?([0-9x*]+(?:\.[0-9x*]+){0,2})")]
    private static partial Regex Comparator();
}
