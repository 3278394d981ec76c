using System.CommandLine;
using System.Globalization;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Policies;
using SocialMonitor.Core.Records;

namespace SocialMonitor.Cli.Commands;

/// <summary>
/// <c>records retention run [--dry-run]</c> (the daily timer's work, now) and <c>records hold list|add|lift</c>: the
/// same <see cref="RetentionJob"/> and <see cref="LegalHoldService"/> as the timer and <c>/api/records/holds</c>,
/// acting as the coordinator, each change in the audit log.
/// </summary>
internal static class RecordHoldCommands
{
    /// <summary>Adds <c>retention</c> and <c>hold</c> to the <c>records</c> command (<see cref="RecordsCommands"/>).</summary>
    public static void AddTo(Command records)
    {
        var retention = new Command("retention", "Retention of records past their period in policy.json retention (none set: nothing is removed).");
        retention.Subcommands.Add(Run());
        var hold = new Command("hold", "Legal holds: what they keep is never removed by retention.");
        hold.Subcommands.Add(List());
        hold.Subcommands.Add(Add());
        hold.Subcommands.Add(Lift());
        records.Subcommands.Add(retention);
        records.Subcommands.Add(hold);
    }

    private static Command Run()
    {
        var run = new Command("run", "Remove the records past their period now, as the daily timer does; prints the report as JSON on stdout.");
        var dryRun = new Option<bool>("--dry-run") { Description = "Remove nothing and write no audit entry: list what would be removed." };
        run.Options.Add(dryRun);
        CommandRunner.SetAction(run, async (parse, ct) =>
        {
            await using var host = await CliHost.StartAsync(CliHost.CreateServices(CliConfiguration.Build(), parse.GetValue(CommandRunner.Verbose)), storage: true, ct);
            var report = await host.Get<RetentionJob>().RunAsync(parse.GetValue(dryRun), ct);
            await Console.Out.WriteLineAsync(ItemJson.Serialize(report));
            if (report.Off)
            {
                await Console.Error.WriteLineAsync("Retention is off: policy.json sets no retention period, so nothing was removed.");
                return 0;
            }
            await Console.Error.WriteAsync(TextTable.Render(
                ["series", "days", "cutoff", report.DryRun ? "would remove" : "removed", "held", "refused", "in use"],
                report.Series.Select(s => (IReadOnlyList<string>)[
                    s.Name, Number(s.Days), ApiTime(s.Cutoff), Number(s.Removed.Count), Number(s.Held), Number(s.Refused), Number(s.InUse)])));
            return 0;
        });
        return run;
    }

    private static Command List()
    {
        var list = new Command("list", "Every legal hold, lifted ones included.");
        var format = new Option<string>("--format") { Description = "table (on stderr) or json (on stdout).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        list.Options.Add(format);
        CommandRunner.SetAction(list, async (parse, ct) =>
        {
            await using var host = await CliHost.StartAsync(CliHost.CreateServices(CliConfiguration.Build(), parse.GetValue(CommandRunner.Verbose)), storage: true, ct);
            var holds = await host.Get<LegalHoldService>().ListAsync(ct);
            if (parse.GetValue(format) == "json")
            {
                await Console.Out.WriteLineAsync(ItemJson.Serialize(holds));
                return 0;
            }
            var zone = host.Get<Policy>().Zone;
            await Console.Error.WriteAsync(TextTable.Render(
                ["id", "state", "location", "account", "from", "to", "reason", "placed by", "placed"],
                holds.Select(h => (IReadOnlyList<string>)[
                    h.Id, h.Active ? "active" : "lifted", h.Location ?? "any", h.Account ?? "any", Day(h.From), Day(h.To), h.Reason, h.PlacedBy,
                    LocalTime.Minutes(h.PlacedAt, zone)])));
            return 0;
        });
        return list;
    }

    private static Command Add()
    {
        var add = new Command("add", "Place a legal hold (at least one of --location, --account, --from, --to); prints it as JSON on stdout.");
        var location = new Option<string?>("--location") { Description = "A location id." };
        var account = new Option<string?>("--account") { Description = "An account id (the hold is then also on its location)." };
        var from = new Option<string?>("--from") { Description = "First day held (yyyy-MM-dd, policy time zone)." };
        var to = new Option<string?>("--to") { Description = "Last day held (yyyy-MM-dd, inclusive)." };
        var reason = new Option<string>("--reason") { Description = "Why (a case or request number).", Required = true };
        var by = new Option<string>("--by") { Description = "Who places it (email), for the record and the audit log.", Required = true };
        foreach (var option in new Option[] { location, account, from, to, reason, by })
        {
            add.Options.Add(option);
        }
        CommandRunner.SetAction(add, async (parse, ct) =>
        {
            if (!ApprovalsCommands.TryDate(parse.GetValue(from), "--from", out var first, "records hold")
                || !ApprovalsCommands.TryDate(parse.GetValue(to), "--to", out var last, "records hold"))
            {
                return 1;
            }
            await using var host = await CliHost.StartAsync(CliHost.CreateServices(CliConfiguration.Build(), parse.GetValue(CommandRunner.Verbose)), storage: true, ct);
            try
            {
                var hold = await host.Get<LegalHoldService>().PlaceAsync(new LegalHoldRequest
                {
                    Location = parse.GetValue(location), Account = parse.GetValue(account), From = first, To = last, Reason = parse.GetValue(reason),
                }, parse.GetValue(by)!, ct);
                await Console.Out.WriteLineAsync(ItemJson.Serialize(hold));
                await Console.Error.WriteLineAsync($"Placed legal hold {hold.Id}.");
                return 0;
            }
            catch (LegalHoldException e)
            {
                await Console.Error.WriteLineAsync($"socialmonitor records hold add: {e.Message}");
                return 1;
            }
        });
        return add;
    }

    private static Command Lift()
    {
        var lift = new Command("lift", "Lift a legal hold (the coordinator's decision): it stays on record, marked lifted, with an audit entry.");
        var id = new Argument<string>("ID") { Description = "The hold's id (see records hold list)." };
        var reason = new Option<string>("--reason") { Description = "Why it is lifted.", Required = true };
        var by = new Option<string>("--by") { Description = "The coordinator lifting it (email), for the record and the audit log.", Required = true };
        lift.Arguments.Add(id);
        lift.Options.Add(reason);
        lift.Options.Add(by);
        CommandRunner.SetAction(lift, async (parse, ct) =>
        {
            await using var host = await CliHost.StartAsync(CliHost.CreateServices(CliConfiguration.Build(), parse.GetValue(CommandRunner.Verbose)), storage: true, ct);
            try
            {
                var lifted = await host.Get<LegalHoldService>().LiftAsync(parse.GetValue(id)!, parse.GetValue(reason), parse.GetValue(by)!, coordinator: true, ct);
                await Console.Out.WriteLineAsync(ItemJson.Serialize(lifted));
                await Console.Error.WriteLineAsync($"Legal hold {lifted.Id} is lifted (by {lifted.LiftedBy}).");
                return 0;
            }
            catch (LegalHoldException e)
            {
                await Console.Error.WriteLineAsync($"socialmonitor records hold lift: {e.Message}");
                return 1;
            }
        });
        return lift;
    }

    private static string Day(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string ApiTime(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
}
