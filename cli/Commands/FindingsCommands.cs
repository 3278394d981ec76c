using System.CommandLine;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Policies;
using SocialMonitor.Core.Queues;
using SocialMonitor.Core.Rules;

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
            await Console.Error.WriteAsync(Render(all, host.Get<Policy>().Zone));
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

    /// <summary>
    /// The findings for a person: by location, then severity (worst first), then newest first; the rule in words; the time
    /// in the library's time zone; the evidence whole (a link's last step, where it really goes, is never cut off).
    /// </summary>
    public static string Render(IReadOnlyList<Finding> findings, TimeZoneInfo zone) => TextTable.Render(
        ["location", "severity", LocalTime.Header("first seen", zone), "rule", "status", "item", "evidence"],
        findings.OrderBy(f => f.Location, StringComparer.Ordinal).ThenBy(f => Severities.Rank(f.Severity)).ThenByDescending(f => f.FirstSeen)
            .Select(f => (IReadOnlyList<string>)[
                f.Location, f.Severity, LocalTime.Minutes(f.FirstSeen, zone), RuleTexts.For(f.Rule).Title, f.Status, f.ItemId, Evidence(f.Evidence)]));

    /// <summary>The evidence on one line; a link's chain shortened to where it was written and where it ends.</summary>
    private static string Evidence(string evidence)
    {
        var steps = evidence.ReplaceLineEndings(" ").Split(" -> ");
        return steps.Length > 2 ? $"{steps[0]} -> {steps[^1]}" : string.Join(" -> ", steps);
    }
}
