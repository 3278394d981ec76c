using System.Text.Json;
using System.Text.Json.Nodes;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Rules.LinkDomain;

namespace SocialMonitor.Core.Approvals;

/// <summary>
/// A file of approvals: the JSON array <c>approvals list --format json</c> writes (each record with its <c>kind</c>), read
/// back by <c>check --approvals</c>.
/// Every approval is checked; any problem stops the read with each problem's JSON path (<c>$[2].value</c>).
/// </summary>
public static class ApprovalsFile
{
    /// <summary>The file's JSON: an array of the approvals, each with its <c>kind</c> first.</summary>
    public static string Write(IEnumerable<Approval> approvals)
    {
        var array = new JsonArray();
        foreach (var approval in approvals)
        {
            var record = new JsonObject { ["kind"] = approval.Kind };
            foreach (var (name, value) in JsonSerializer.SerializeToNode(approval, ItemJson.Options)!.AsObject().ToList())
            {
                record[name] = value?.DeepClone();
            }
            array.Add(record);
        }
        return array.ToJsonString(ItemJson.Options);
    }

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
        List<JsonObject?>? records;
        try
        {
            records = JsonSerializer.Deserialize<List<JsonObject?>>(json, ItemJson.Options);
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"{path}: {e.Path ?? "$"}: not an array of approvals: {e.Message.Split(" Path:")[0]}", e);
        }
        if (records is null)
        {
            throw new InvalidOperationException($"{path}: $: must be a JSON array of approvals (as 'approvals list --format json' writes)");
        }
        var approvals = new List<Approval?>();
        for (var i = 0; i < records.Count; i++)
        {
            try
            {
                // The kind is the record's own "kind" (links when absent, as files written before the other kinds are).
                var kind = records[i]?["kind"] is { } named ? named.GetValue<string>() : ApprovalKinds.Links;
                approvals.Add(records[i]?.Deserialize<Approval>(ItemJson.Options) is { } approval ? approval with { Kind = kind } : null);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
            {
                throw new InvalidOperationException($"{path}: $[{i}]{(e is JsonException { Path: { } at } ? at.TrimStart('$') : "")}: not an approval: {e.Message.Split(" Path:")[0]}", e);
            }
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
