using System.CommandLine;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Review;

namespace SocialMonitor.Cli.Commands;

/// <summary><c>accounts import FILE</c>, <c>accounts list [--format table|json]</c> and <c>accounts review</c>.</summary>
internal static class AccountsCommands
{
    public static Command Create()
    {
        var accounts = new Command("accounts", "The registry of official accounts, locations and the people who manage them.");

        var import = new Command("import", "Validate an accounts file and upsert it into the registry (never deletes; a location left out loses its managers). Every problem is listed with its JSON path; nothing is written from an invalid file.");
        var file = new Argument<FileInfo>("FILE") { Description = "The accounts file (see samples/accounts.json)." };
        import.Arguments.Add(file);
        CommandRunner.SetAction(import, async (parse, ct) =>
        {
            var read = AccountsFileReader.ReadFile(parse.GetValue(file)!.FullName);
            if (!read.IsValid)
            {
                foreach (var problem in read.Problems)
                {
                    await Console.Error.WriteLineAsync(problem.ToString());
                }
                await Console.Error.WriteLineAsync($"{read.Problems.Count} problem{(read.Problems.Count == 1 ? "" : "s")}: nothing was imported.");
                return 1;
            }
            await using var host = await CliHost.StartAsync(CliHost.CreateServices(CliConfiguration.Build(), parse.GetValue(CommandRunner.Verbose)), storage: true, ct);
            var outcome = await host.Get<AccountsImporter>().ImportAsync(read, ct);
            await Console.Error.WriteLineAsync($"Imported {read.File.Accounts.Count} accounts and {read.File.Locations.Count} locations: {outcome.Written!.Written} rows written, {outcome.Written.Unchanged} unchanged.");
            foreach (var warning in read.ManagerCountWarnings)
            {
                await Console.Error.WriteLineAsync($"{warning.LocationId} has {warning.Count} account managers (one to three are asked): the daily account review raises governance.managers.");
            }
            foreach (var location in outcome.Written.EndedAccess)
            {
                await Console.Error.WriteLineAsync($"{location.Name} ({location.Id}) is no longer in the accounts file: access ended for " +
                    $"{string.Join(", ", location.Managers.Select(m => m.Email))}. Its findings stay, for the coordinator.");
            }
            return 0;
        });

        var list = new Command("list", "List the registered accounts.");
        var format = new Option<string>("--format") { Description = "table (for people, on stderr) or json (for scripts, on stdout).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        list.Options.Add(format);
        CommandRunner.SetAction(list, async (parse, ct) =>
        {
            await using var host = await CliHost.StartAsync(CliHost.CreateServices(CliConfiguration.Build(), parse.GetValue(CommandRunner.Verbose)), storage: true, ct);
            var registered = (await host.Get<AccountRegistry>().ListAccountsAsync(ct)).OrderBy(a => a.Location, StringComparer.Ordinal).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
            if (parse.GetValue(format) == "json")
            {
                await Console.Out.WriteLineAsync(ItemJson.Serialize(registered));
                return 0;
            }
            await Console.Error.WriteAsync(TextTable.Render(
                ["account", "platform", "platform id", "location", "approved by", "approved on"],
                registered.Select(a => (IReadOnlyList<string>)[a.Id, a.Platform, a.PlatformId, a.Location, a.ApprovedBy ?? "-", a.ApprovedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "-"])));
            return 0;
        });

        var review = new Command("review", "The daily account review now (what AccountReviewTimer does from Review__Hour): each account and location not yet reviewed today is queued for evaluation as an item of its own (socialmonitor work evaluates it). Run again the same day, it adds nothing.");
        CommandRunner.SetAction(review, async (parse, ct) =>
        {
            await using var host = await CliHost.StartAsync(CliHost.CreateServices(CliConfiguration.Build(), parse.GetValue(CommandRunner.Verbose)), storage: true, ct);
            var summary = await host.Get<AccountReview>().RunAsync(ct);
            await Console.Error.WriteLineAsync($"Daily account review of {summary.Day:yyyy-MM-dd}: {summary.Accounts} accounts and {summary.Locations} locations queued, "
                + $"{summary.AlreadyReviewed} already reviewed today; run 'socialmonitor work' to evaluate what it queued.");
            return 0;
        });

        accounts.Subcommands.Add(import);
        accounts.Subcommands.Add(list);
        accounts.Subcommands.Add(review);
        return accounts;
    }
}
