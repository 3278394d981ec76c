using System.CommandLine;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Queues;

namespace SocialMonitor.Cli.Commands;

/// <summary><c>findings list [--location L] [--status S] [--format table|jsonl]</c>: newest first.</summary>
internal static class FindingsCommands
{
    public static Command Create()
    {
        var findings = new Command("findings", "The findings the rules raised.");
        var list = new Command("list", "List findings, newest first.");
        var location = new Option<string?>("--location") { Description = "Only this location id." };
        var status = new Option<string?>("--status") { Description = "Only this status (open, acknowledged, resolved, dismissed, escalated)." };
        status.AcceptOnlyFromAmong([.. FindingStatuses.All]);
        var format = new Option<string>("--format") { Description = "table (stderr) or jsonl (one finding per line on stdout).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "jsonl");
        list.Options.Add(location);
        list.Options.Add(status);
        list.Options.Add(format);
        CommandRunner.SetAction(list, async (parse, ct) =>
        {
            await using var host = await CliHost.StartAsync(CliHost.CreateServices(CliConfiguration.Build(), parse.GetValue(CommandRunner.Verbose)), storage: true, ct);
            var all = await ListAllAsync(host.Get<FindingStore>(), host.Get<AccountRegistry>(), parse.GetValue(location), parse.GetValue(status), ct);
            if (parse.GetValue(format) == "jsonl")
            {
                foreach (var finding in all)
                {
                    await Console.Out.WriteLineAsync(ItemJson.Serialize(finding));
                }
                return 0;
            }
            await Console.Error.WriteAsync(Render(all));
            return 0;
        });
        findings.Subcommands.Add(list);
        return findings;
    }

    /// <summary>Every finding matching the filters, following continuation tokens to the end.</summary>
    public static async Task<IReadOnlyList<Finding>> ListAllAsync(FindingStore store, AccountRegistry registry, string? location, string? status, CancellationToken cancellationToken)
    {
        var locations = (await registry.ListLocationsAsync(cancellationToken)).Select(l => l.Id).Append(Locations.District)
            .Where(l => location is null || l == location).ToList();
        var all = new List<Finding>();
        string? token = null;
        do
        {
            var page = await store.ListAsync(new FindingQuery(locations, status), token, 200, cancellationToken);
            all.AddRange(page.Items);
            token = page.ContinuationToken;
        }
        while (token is not null);
        return all;
    }

    public static string Render(IReadOnlyList<Finding> findings) => TextTable.Render(
        ["first seen", "location", "severity", "rule", "status", "item", "evidence"],
        findings.Select(f => (IReadOnlyList<string>)[
            f.FirstSeen.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), f.Location, f.Severity, f.Rule, f.Status,
            f.ItemId, f.Evidence.Length > 60 ? f.Evidence[..57] + "..." : f.Evidence]));
}
