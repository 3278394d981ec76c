using System.Text.Json;
using SocialMonitor.Core.Approvals;
using SocialMonitor.Core.Items;

namespace SocialMonitor.Cli.Demo;

/// <summary>
/// <c>samples/approvals.json</c>: the demo's approvals of every kind but links, one object each: <c>kind</c>, <c>id</c>,
/// <c>approver</c>, <c>date</c> and the fields of an <see cref="ApprovalRequest"/>. Recorded through
/// <see cref="ApprovalService"/> as the coordinator would, each under its own id, so a second run records nothing new.
/// </summary>
internal static class SampleApprovals
{
    public static async Task<int> RecordAsync(string path, ApprovalService approvals, string coordinator, CancellationToken cancellationToken)
    {
        using var file = JsonDocument.Parse(await File.ReadAllTextAsync(path, cancellationToken));
        var actor = new ApprovalActor(coordinator, null);
        var count = 0;
        foreach (var entry in file.RootElement.EnumerateArray())
        {
            string Field(string name) => entry.TryGetProperty(name, out var value) && value.GetString() is { Length: > 0 } text
                ? text : throw new InvalidOperationException($"{path}: $[{count}].{name} is required");
            await approvals.AddAsync(Field("kind"), entry.Deserialize<ApprovalRequest>(ItemJson.Options)!, actor, cancellationToken,
                Field("approver"), DateOnly.Parse(Field("date"), System.Globalization.CultureInfo.InvariantCulture), Field("id"));
            count++;
        }
        return count;
    }
}
