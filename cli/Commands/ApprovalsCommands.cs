using System.CommandLine;
using System.Globalization;
using SocialMonitor.Core.Approvals;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Policies;
using SocialMonitor.Core.Rules.LinkDomain;

namespace SocialMonitor.Cli.Commands;

/// <summary><c>approvals add|list|revoke</c>: the coordinator's approvals of link destinations, each change in the audit log.</summary>
internal static class ApprovalsCommands
{
    public static Command Create()
    {
        var approvals = new Command("approvals", "Approvals of link destinations beyond .edu, .gov and the library's own site.");
        approvals.Subcommands.Add(Add());
        approvals.Subcommands.Add(List());
        approvals.Subcommands.Add(Revoke());
        return approvals;
    }

    private static Command Add()
    {
        var add = new Command("add", "Approve a destination: a domain (and its subdomains), a URL prefix or one URL; written to storage and the audit log. Prints the approval as JSON on stdout.");
        var match = new Option<string>("--match") { Description = "domain, prefix or url.", Required = true };
        match.AcceptOnlyFromAmong([.. LinkMatches.All]);
        var value = new Option<string>("--value") { Description = "eventbrite.com (domain), https://www.eventbrite.com/o/cln-123 (prefix) or a full URL (url).", Required = true };
        var scope = new Option<string>("--scope") { Description = "all, a location id or an account id.", DefaultValueFactory = _ => LinkApprovalScopes.All };
        var approver = new Option<string>("--approver") { Description = "The email of the coordinator who approved it.", Required = true };
        var date = new Option<string?>("--date") { Description = "When it was approved (yyyy-MM-dd); today in the policy's time zone if not given." };
        var expires = new Option<string?>("--expires") { Description = "Last day it allows links (yyyy-MM-dd, inclusive, policy time zone)." };
        var note = new Option<string?>("--note") { Description = "What it was granted for (the presenter or program)." };
        var id = new Option<string?>("--id") { Description = "The approval's id; by default one derived from match, value and scope, so adding the same approval again replaces it." };
        var by = new Option<string?>("--by") { Description = "Who is recording it (for the audit log); the approver if not given." };
        foreach (var option in new Option[] { match, value, scope, approver, date, expires, note, id, by })
        {
            add.Options.Add(option);
        }
        CommandRunner.SetAction(add, async (parse, ct) =>
        {
            if (!TryDate(parse.GetValue(date), "--date", out var approvedOn) || !TryDate(parse.GetValue(expires), "--expires", out var until))
            {
                return 1;
            }
            await using var host = await CliHost.StartAsync(CliHost.CreateServices(CliConfiguration.Build(), parse.GetValue(CommandRunner.Verbose)), storage: true, ct);
            var policy = host.Get<Policy>();
            var approval = new LinkApproval
            {
                Id = parse.GetValue(id) ?? ApprovalIds.For(parse.GetValue(match)!, parse.GetValue(value)!, parse.GetValue(scope)!),
                Match = parse.GetValue(match)!,
                Value = parse.GetValue(value)!.Trim(),
                Scope = parse.GetValue(scope)!,
                Approver = parse.GetValue(approver)!,
                Date = approvedOn ?? policy.LocalDate(host.Get<TimeProvider>().GetUtcNow()),
                Expires = until,
                Note = parse.GetValue(note),
            };
            // Checked before anything is written: a bad approval writes nothing.
            var problems = approval.Problems(host.Get<PublicSuffixList>());
            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    await Console.Error.WriteLineAsync($"socialmonitor approvals add: {problem}");
                }
                return 1;
            }
            await host.Get<ApprovalChanges>().AddAsync(approval, parse.GetValue(by) ?? approval.Approver, ct);
            await Console.Out.WriteLineAsync(ItemJson.Serialize(approval));
            await Console.Error.WriteLineAsync($"Approved {approval.Match} {approval.Value} for {approval.Scope} as {approval.Id}{(until is { } last ? $", until {last:yyyy-MM-dd}" : "")}.");
            return 0;
        });
        return add;
    }

    private static Command List()
    {
        var list = new Command("list", "List every approval, revoked and expired ones included, with its state today.");
        var format = new Option<string>("--format") { Description = "table (for people, on stderr) or json (a JSON array on stdout, which check --approvals reads).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        list.Options.Add(format);
        CommandRunner.SetAction(list, async (parse, ct) =>
        {
            await using var host = await CliHost.StartAsync(CliHost.CreateServices(CliConfiguration.Build(), parse.GetValue(CommandRunner.Verbose)), storage: true, ct);
            var all = (await host.Get<ApprovalStore>().ListAsync(ct)).OrderBy(a => a.Date).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
            if (parse.GetValue(format) == "json")
            {
                await Console.Out.WriteLineAsync(ItemJson.Serialize(all));
                return 0;
            }
            var today = host.Get<Policy>().LocalDate(host.Get<TimeProvider>().GetUtcNow());
            await Console.Error.WriteAsync(TextTable.Render(
                ["id", "state", "match", "value", "scope", "approver", "date", "expires", "note"],
                all.Select(a => (IReadOnlyList<string>)[
                    a.Id, a.RevokedAt is not null ? "revoked" : a.InForce(today) ? "in force" : "expired", a.Match, a.Value, a.Scope, a.Approver,
                    Day(a.Date), a.Expires is { } e ? Day(e) : "-", a.Note ?? ""])));
            return 0;
        });
        return list;
    }

    private static Command Revoke()
    {
        var revoke = new Command("revoke", "Revoke an approval: it no longer allows links. The record stays, marked revoked, with an audit entry.");
        var id = new Argument<string>("ID") { Description = "The approval's id (see approvals list)." };
        var by = new Option<string>("--by") { Description = "Who revokes it (email), for the record and the audit log.", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why, for the audit log.", DefaultValueFactory = _ => "" };
        revoke.Arguments.Add(id);
        revoke.Options.Add(by);
        revoke.Options.Add(reason);
        CommandRunner.SetAction(revoke, async (parse, ct) =>
        {
            await using var host = await CliHost.StartAsync(CliHost.CreateServices(CliConfiguration.Build(), parse.GetValue(CommandRunner.Verbose)), storage: true, ct);
            var revoked = await host.Get<ApprovalChanges>().RevokeAsync(parse.GetValue(id)!, parse.GetValue(by)!, parse.GetValue(reason)!, ct);
            if (revoked is null)
            {
                await Console.Error.WriteLineAsync($"socialmonitor approvals revoke: there is no approval '{parse.GetValue(id)}'.");
                return 1;
            }
            await Console.Error.WriteLineAsync($"Approval {revoked.Id} is revoked (since {(revoked.RevokedAt is { } at ? LocalTime.Minutes(at, host.Get<Policy>().Zone) : "-")} {host.Get<Policy>().Zone.Id} by {revoked.RevokedBy}).");
            return 0;
        });
        return revoke;
    }

    private static bool TryDate(string? text, string option, out DateOnly? date)
    {
        date = null;
        if (text is null)
        {
            return true;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return true;
        }
        Console.Error.WriteLine($"socialmonitor approvals add: {option} must be a date written yyyy-MM-dd; it is '{text}'.");
        return false;
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
