using System.CommandLine;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Items;

namespace SocialMonitor.Cli.Commands;

/// <summary><c>accounts import FILE</c> and <c>accounts list [--format table|json]</c>.</summary>
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
            foreach (var finding in outcome.Findings)
            {
                await Console.Error.WriteLineAsync($"{finding.Rule} ({finding.Location}): {finding.Evidence}");
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

        accounts.Subcommands.Add(import);
        accounts.Subcommands.Add(list);
        return accounts;
    }
}
