using System.CommandLine;
using System.Globalization;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Policies;
using SocialMonitor.Core.Queues;
using SocialMonitor.Core.Scanning;

namespace SocialMonitor.Cli.Commands;

/// <summary>
/// <c>items history ID [--format table|jsonl]</c>: an item's versions and events, oldest first; <c>items reevaluate
/// --account X | --location Y</c>: every captured item of an account or a location evaluated again.
/// </summary>
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
        items.Subcommands.Add(Reevaluate());
        return items;
    }

    private static Command Reevaluate()
    {
        var reevaluate = new Command("reevaluate", "Evaluate every captured item of an account or a location again (after an approval was revoked or expired, or the policy changed); the notifications it queues go out with 'socialmonitor work'.");
        var account = new Option<string?>("--account") { Description = "An account id." };
        var location = new Option<string?>("--location") { Description = "A location id: every account of it." };
        reevaluate.Options.Add(account);
        reevaluate.Options.Add(location);
        CommandRunner.SetAction(reevaluate, async (parse, ct) =>
        {
            if ((parse.GetValue(account) is null) == (parse.GetValue(location) is null))
            {
                await Console.Error.WriteLineAsync("socialmonitor items reevaluate: give either --account ID or --location ID.");
                return 1;
            }
            await using var host = await CliHost.StartAsync(CliHost.CreateServices(CliConfiguration.Build(), parse.GetValue(CommandRunner.Verbose)), storage: true, ct);
            var registry = host.Get<AccountRegistry>();
            IReadOnlyList<string> accounts = parse.GetValue(account) is { } one
                ? await registry.GetAccountAsync(one, ct) is null ? [] : [one]
                : [.. (await registry.ListAccountsAsync(ct)).Where(a => a.Location == parse.GetValue(location)).Select(a => a.Id)];
            if (accounts.Count == 0)
            {
                await Console.Error.WriteLineAsync($"socialmonitor items reevaluate: {(parse.GetValue(account) is { } a ? $"there is no account '{a}'" : $"the location '{parse.GetValue(location)}' has no accounts")} in the registry.");
                return 1;
            }
            var queued = await host.Get<ItemReevaluation>().QueueAsync(accounts, ct);
            await host.Get<QueueDrainer>().DrainAsync([QueueNames.EvaluateItem, QueueNames.EvaluateItemPoison], ct);
            await Console.Error.WriteLineAsync($"Evaluated {queued} items of {string.Join(", ", accounts)} again.");
            return 0;
        });
        return reevaluate;
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
