using System.Text.Json;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Rules.LinkDomain;

namespace SocialMonitor.Core.Approvals;

/// <summary>
/// A file of approvals: the JSON array <c>approvals list --format json</c> writes, read back by <c>check --approvals</c>.
/// Every approval is checked; any problem stops the read with each problem's JSON path (<c>$[2].value</c>).
/// </summary>
public static class ApprovalsFile
{
    public static IReadOnlyList<Approval> Read(string path, PublicSuffixList suffixes)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{path}: cannot be read: {e.Message}", e);
        }
        return Parse(json, path, suffixes);
    }

    public static IReadOnlyList<Approval> Parse(string json, string path, PublicSuffixList suffixes)
    {
        List<Approval?>? approvals;
        try
        {
            approvals = JsonSerializer.Deserialize<List<Approval?>>(json, ItemJson.Options);
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"{path}: {e.Path ?? "$"}: not an array of approvals: {e.Message.Split(" Path:")[0]}", e);
        }
        if (approvals is null)
        {
            throw new InvalidOperationException($"{path}: $: must be a JSON array of approvals (as 'approvals list --format json' writes)");
        }
        var problems = new List<string>();
        for (var i = 0; i < approvals.Count; i++)
        {
            if (approvals[i] is not { } approval)
            {
                problems.Add($"$[{i}]: is null");
                continue;
            }
            problems.AddRange(approval.Problems(suffixes).Select(p => $"$[{i}].{p}"));
        }
        if (approvals.GroupBy(a => a?.Id).FirstOrDefault(g => g.Key is not null && g.Count() > 1) is { } duplicate)
        {
            problems.Add($"$: the id '{duplicate.Key}' appears {duplicate.Count()} times");
        }
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"{path}: {string.Join("; ", problems)}");
        }
        return [.. approvals.OfType<Approval>()];
    }
}
