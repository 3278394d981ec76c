using System.CommandLine;
using System.Globalization;
using SocialMonitor.Core.Approvals;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Policies;

namespace SocialMonitor.Cli.Commands;

/// <summary>
/// <c>approvals add|list|revoke --kind links|accounts|access|apps|attestations</c>: the same <see cref="ApprovalService"/>
/// as <c>/api/approvals/{kind}</c>, acting as the coordinator, each change in the audit log under the same actions.
/// </summary>
internal static class ApprovalsCommands
{
    public static Command Create()
    {
        var approvals = new Command("approvals", "Approvals: link destinations, accounts, access, third-party apps and managers' attestations.");
        approvals.Subcommands.Add(Add());
        approvals.Subcommands.Add(List());
        approvals.Subcommands.Add(Revoke());
        return approvals;
    }

    private static Option<string> KindOption()
    {
        var kind = new Option<string>("--kind") { Description = "links, accounts, access, apps or attestations.", DefaultValueFactory = _ => ApprovalKinds.Links };
        kind.AcceptOnlyFromAmong([.. ApprovalKinds.All]);
        return kind;
    }

    private static Command Add()
    {
        var add = new Command("add", "Approve something of one kind; written to storage and the audit log. Prints the approval as JSON on stdout.");
        var kind = KindOption();
        var match = new Option<string?>("--match") { Description = "links: domain, prefix or url." };
        var value = new Option<string?>("--value") { Description = "links: eventbrite.com, a URL prefix or URL; accounts: the account id; access: the person's email; apps: the app id; attestations: roles, apps or groups." };
        var scope = new Option<string?>("--scope") { Description = "all, a location id or an account id (access, attestations and accounts: an account id)." };
        var approver = new Option<string>("--approver") { Description = "The email of the person who approved it.", Required = true };
        var date = new Option<string?>("--date") { Description = "When it was approved (yyyy-MM-dd); today in the policy's time zone if not given." };
        var expires = new Option<string?>("--expires") { Description = "Last day it allows (yyyy-MM-dd, inclusive, policy time zone)." };
        var note = new Option<string?>("--note") { Description = "What it was granted for (the presenter or program)." };
        var role = new Option<string?>("--role") { Description = "access: the platform's role name (MANAGE, CREATE_CONTENT, CURATOR…) or SHARED_LOGIN." };
        var person = new Option<string?>("--person") { Description = "access: the person as the platform shows them." };
        var reviewOn = new Option<string?>("--review-on") { Description = "access: the review date; attestations: the next one's due date (defaults in policy.json)." };
        var closesOn = new Option<string?>("--closes-on") { Description = "access: the day the access must end." };
        var appName = new Option<string?>("--app-name") { Description = "apps: the app's name as the platform shows it." };
        var statement = new Option<string?>("--statement") { Description = "attestations: the manager's statement." };
        var id = new Option<string?>("--id") { Description = "The approval's id, to replace one; by default a new one (or the same approval in force, returned as it is)." };
        var by = new Option<string?>("--by") { Description = "Who is recording it (for the audit log); the approver if not given." };
        foreach (var option in new Option[] { kind, match, value, scope, approver, date, expires, note, role, person, reviewOn, closesOn, appName, statement, id, by })
        {
            add.Options.Add(option);
        }
        CommandRunner.SetAction(add, async (parse, ct) =>
        {
            if (!TryDate(parse.GetValue(date), "--date", out var approvedOn) || !TryDate(parse.GetValue(expires), "--expires", out var until) ||
                !TryDate(parse.GetValue(reviewOn), "--review-on", out var review) || !TryDate(parse.GetValue(closesOn), "--closes-on", out var closes))
            {
                return 1;
            }
            await using var host = await CliHost.StartAsync(CliHost.CreateServices(CliConfiguration.Build(), parse.GetValue(CommandRunner.Verbose)), storage: true, ct);
            var request = new ApprovalRequest
            {
                Match = parse.GetValue(match), Value = parse.GetValue(value), Scope = parse.GetValue(scope), Expires = until, Note = parse.GetValue(note),
                Role = parse.GetValue(role), Person = parse.GetValue(person), ReviewOn = review, ClosesOn = closes,
                AppName = parse.GetValue(appName), Statement = parse.GetValue(statement),
            };
            var actor = new ApprovalActor(parse.GetValue(by) ?? parse.GetValue(approver)!, null);
            try
            {
                // Checked before anything is written: a bad approval writes nothing.
                var (approval, created) = await host.Get<ApprovalService>().AddAsync(
                    parse.GetValue(kind)!, request, actor, ct, approver: parse.GetValue(approver), date: approvedOn, id: parse.GetValue(id));
                await Console.Out.WriteLineAsync(ItemJson.Serialize(approval));
                await Console.Error.WriteLineAsync($"{(created ? "Approved" : "Already approved:")} {approval.Kind} {approval.Match} {approval.Value} for {approval.Scope} as {approval.Id}{(approval.Expires is { } last ? $", until {last:yyyy-MM-dd}" : "")}.");
                return 0;
            }
            catch (ApprovalException e)
            {
                await Console.Error.WriteLineAsync($"socialmonitor approvals add: {e.Message}");
                return 1;
            }
        });
        return add;
    }

    private static Command List()
    {
        var list = new Command("list", "List every approval of a kind, revoked and expired ones included, with its state today.");
        var kind = KindOption();
        var format = new Option<string>("--format") { Description = "table (for people, on stderr) or json (a JSON array on stdout, which check --approvals reads for links).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        list.Options.Add(kind);
        list.Options.Add(format);
        CommandRunner.SetAction(list, async (parse, ct) =>
        {
            await using var host = await CliHost.StartAsync(CliHost.CreateServices(CliConfiguration.Build(), parse.GetValue(CommandRunner.Verbose)), storage: true, ct);
            var coordinator = new ApprovalActor("cli", null);
            var all = (await host.Get<ApprovalService>().ListAsync(parse.GetValue(kind)!, coordinator, ct)).OrderBy(a => a.Date).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
            if (parse.GetValue(format) == "json")
            {
                await Console.Out.WriteLineAsync(ApprovalsFile.Write(all));
                return 0;
            }
            var today = host.Get<Policy>().LocalDate(host.Get<TimeProvider>().GetUtcNow());
            await Console.Error.WriteAsync(TextTable.Render(
                ["id", "state", "match", "value", "scope", "approver", "date", "expires", "note"],
                all.Select(a => (IReadOnlyList<string>)[
                    a.Id, a.RevokedAt is not null ? "revoked" : a.InForce(today) ? "in force" : "expired", a.Match ?? a.Role ?? "-", a.Value, a.Scope, a.Approver,
                    Day(a.Date), a.Expires is { } e ? Day(e) : "-", a.Note ?? ""])));
            return 0;
        });
        return list;
    }

    private static Command Revoke()
    {
        var revoke = new Command("revoke", "Revoke an approval: it no longer allows. The record stays, marked revoked, with an audit entry.");
        var kind = KindOption();
        var id = new Argument<string>("ID") { Description = "The approval's id (see approvals list)." };
        var by = new Option<string>("--by") { Description = "Who revokes it (email), for the record and the audit log.", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why, for the record and the audit log.", DefaultValueFactory = _ => "" };
        revoke.Arguments.Add(id);
        revoke.Options.Add(kind);
        revoke.Options.Add(by);
        revoke.Options.Add(reason);
        CommandRunner.SetAction(revoke, async (parse, ct) =>
        {
            await using var host = await CliHost.StartAsync(CliHost.CreateServices(CliConfiguration.Build(), parse.GetValue(CommandRunner.Verbose)), storage: true, ct);
            try
            {
                var revoked = await host.Get<ApprovalService>().RevokeAsync(parse.GetValue(kind)!, parse.GetValue(id)!, parse.GetValue(reason)!, new ApprovalActor(parse.GetValue(by)!, null), ct);
                var zone = host.Get<Policy>().Zone;
                await Console.Error.WriteLineAsync($"Approval {revoked.Id} is revoked (since {(revoked.RevokedAt is { } at ? LocalTime.Minutes(at, zone) : "-")} {zone.Id} by {revoked.RevokedBy}).");
                return 0;
            }
            catch (ApprovalException e)
            {
                await Console.Error.WriteLineAsync($"socialmonitor approvals revoke: {e.Message}");
                return 1;
            }
        });
        return revoke;
    }

    /// <summary>A yyyy-MM-dd option (null when not given); false, with the reason on stderr, when it is not a date.</summary>
    internal static bool TryDate(string? text, string option, out DateOnly? date, string command = "approvals")
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
        Console.Error.WriteLine($"socialmonitor {command}: {option} must be a date written yyyy-MM-dd; it is '{text}'.");
        return false;
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
