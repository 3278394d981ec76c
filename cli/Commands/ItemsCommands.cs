using System.CommandLine;
using System.Globalization;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Policies;
using SocialMonitor.Core.Scanning;

namespace SocialMonitor.Cli.Commands;

/// <summary><c>items history ID [--format table|jsonl]</c>: an item's versions and events, oldest first.</summary>
internal static class ItemsCommands
{
    public static Command Create()
    {
        var items = new Command("items", "The record of captured items.");
        var history = new Command("history", "Show an item's versions (what it said each time it changed) and events (edited, deleted, hidden, unhidden, removed).");
        var id = new Argument<string>("ID") { Description = "The item's id as the platform gives it (e.g. 104000000000099_1)." };
        var format = new Option<string>("--format") { Description = "table (stderr) or jsonl (one version or event per line on stdout).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "jsonl");
        history.Arguments.Add(id);
        history.Options.Add(format);
        CommandRunner.SetAction(history, async (parse, ct) =>
        {
            await using var host = await CliHost.StartAsync(CliHost.CreateServices(CliConfiguration.Build(), parse.GetValue(CommandRunner.Verbose)), storage: true, ct);
            var itemId = parse.GetValue(id)!;
            var entries = await host.Get<ItemHistory>().ListAsync(itemId, ct);
            if (entries.Count == 0)
            {
                await Console.Error.WriteLineAsync($"socialmonitor: no item {itemId} has been captured.");
                return 1;
            }
            if (parse.GetValue(format) == "jsonl")
            {
                foreach (var entry in entries)
                {
                    await Console.Out.WriteLineAsync(ItemJson.Serialize(entry));
                }
                return 0;
            }
            await Console.Error.WriteAsync(Render(entries, host.Get<Policy>().Zone));
            return 0;
        });
        items.Subcommands.Add(history);
        return items;
    }

    public static string Render(IReadOnlyList<ItemHistoryEntry> entries, TimeZoneInfo zone) => TextTable.Render(
        [LocalTime.Header("time", zone), "platform", "account", "what", "version", "detail"],
        entries.Select(e => (IReadOnlyList<string>)[
            LocalTime.Seconds(e.At, zone),
            e.Platform, e.Account,
            e.Event ?? "version",
            e.Event is null ? V(e.Version) : e.FromVersion is { } from && e.ToVersion is { } to ? $"{V(from)} -> {V(to)}" : V(e.ToVersion ?? e.FromVersion),
            e.Event is null ? Preview(e.Item) : e.Detail ?? ""]));

    private static string V(int? version) => version is { } v ? "v" + v.ToString(CultureInfo.InvariantCulture) : "";

    private static string Preview(Item? item)
    {
        var text = (item?.Text ?? "").ReplaceLineEndings(" ");
        var hidden = item?.Hidden == true ? "[hidden] " : "";
        return hidden + (text.Length > 70 ? text[..67] + "..." : text);
    }
}
