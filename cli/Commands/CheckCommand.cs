using System.CommandLine;
using SocialMonitor.Cli.Check;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Approvals;
using SocialMonitor.Core.Evaluation;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Policies;
using SocialMonitor.Core.Rules;
using SocialMonitor.Core.Rules.LinkDomain;

namespace SocialMonitor.Cli.Commands;

/// <summary>
/// <c>check "text"</c> or <c>check --input FILE.jsonl --format jsonl</c>: the rules over a draft or captured items,
/// with no storage and no network unless asked (<c>--approvals FILE</c>, <c>--use-storage</c>, <c>--resolve</c>). Exit
/// code 1 if any input line was bad (reported on stderr with its line number, no output line for it, the other lines
/// still run), else 2 if anything was found, else 0.
/// </summary>
internal static class CheckCommand
{
    public const int Found = 2;
    public const int BadInput = 1;

    public static Command Create()
    {
        var check = new Command("check", "Check a draft or captured items against the policy before (or after) they are posted. Exit 1: a bad input line; 2: findings; 0: clean.");
        var text = new Argument<string?>("TEXT") { Description = "The draft to check (or use --input).", Arity = ArgumentArity.ZeroOrOne };
        var input = new Option<string?>("--input") { Description = "A file of items, one JSON object per line (the item JSON that scan --dry-run prints; only id and text are required); - reads stdin." };
        var format = new Option<string>("--format") { Description = "table (for people, on stderr) or jsonl (one line per good input line on stdout).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "jsonl");
        var origin = new Option<string>("--origin") { Description = "Who writes the draft: official (the account) or guest.", DefaultValueFactory = _ => ItemOrigins.Guest };
        origin.AcceptOnlyFromAmong(ItemOrigins.Official, ItemOrigins.Guest);
        var platform = new Option<string>("--platform") { Description = "The platform the draft is for.", DefaultValueFactory = _ => "unknown" };
        platform.AcceptOnlyFromAmong([.. PlatformNames.All, "unknown"]);
        var account = new Option<string?>("--account") { Description = "The account the draft is for (approvals may be scoped to it)." };
        var location = new Option<string?>("--location") { Description = "The location the items belong to (approvals may be scoped to it); with --use-storage it is looked up from each item's account." };
        var approvalsFile = new Option<FileInfo?>("--approvals") { Description = "Approvals to honour: the JSON array 'approvals list --format json' writes." };
        var useStorage = new Option<bool>("--use-storage") { Description = "Honour the approvals in storage and look up each item's location from its account." };
        var resolve = new Option<bool>("--resolve") { Description = "Resolve shortened links over the network (HEAD requests; never to private addresses)." };
        check.Arguments.Add(text);
        foreach (var option in new Option[] { input, format, origin, platform, account, location, approvalsFile, useStorage, resolve })
        {
            check.Options.Add(option);
        }

        CommandRunner.SetAction(check, async (parse, ct) =>
        {
            var draft = parse.GetValue(text);
            var file = parse.GetValue(input);
            if ((draft is null) == (file is null))
            {
                await Console.Error.WriteLineAsync("socialmonitor check: give the text to check, or --input FILE (not both).");
                return BadInput;
            }
            var storage = parse.GetValue(useStorage);
            await using var host = await CliHost.StartAsync(CliHost.CreateServices(CliConfiguration.Build(), parse.GetValue(CommandRunner.Verbose)), storage, ct);
            var policy = host.Get<Policy>();
            var approvals = new List<Approval>();
            if (parse.GetValue(approvalsFile) is { } approvalsPath)
            {
                approvals.AddRange(ApprovalsFile.Read(approvalsPath.FullName, host.Get<PublicSuffixList>()));
            }
            if (storage)
            {
                approvals.AddRange(await host.Get<ApprovalStore>().ListAsync(ct));
            }

            var jsonl = parse.GetValue(format) == "jsonl";
            var colour = !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;
            var bad = false;
            var found = false;
            var checkedItems = 0;
            await foreach (var (lineNumber, item, problem) in Items(draft, file, parse.GetValue(origin)!, parse.GetValue(platform)!, parse.GetValue(account), ct))
            {
                if (item is null)
                {
                    bad = true;
                    await Console.Error.WriteLineAsync($"line {lineNumber}: {problem}");
                    continue;
                }
                checkedItems++;
                var context = new RuleContext(host.Get<TimeProvider>().GetUtcNow(), policy)
                {
                    Location = parse.GetValue(location) ?? (storage && item.Account is { } id ? (await host.Get<AccountRegistry>().GetAccountAsync(id, ct))?.Location : null),
                    Approvals = approvals,
                    ResolvedLinks = parse.GetValue(resolve) ? await host.Get<LinkResolver>().ResolveLinksAsync(item, policy, ct) : new Dictionary<string, ResolvedLink>(),
                };
                var detections = host.Get<RuleSet>().Evaluate(item, context);
                found |= detections.Count > 0;
                if (jsonl)
                {
                    await Console.Out.WriteLineAsync(ItemJson.Serialize(new CheckLine(item.Id,
                        [.. detections.Select(d => new CheckFinding(d.Rule, d.Family, d.Severity, d.Clause, d.Evidence, d.Explanation, RuleTexts.For(d.Rule).Advice))])));
                }
                else
                {
                    await Console.Error.WriteAsync(CheckReport.Render(item, detections, colour));
                }
            }
            if (file is not null && !jsonl)
            {
                await Console.Error.WriteLineAsync($"Checked {checkedItems} items{(bad ? "; some input lines were bad (see above)" : "")}.");
            }
            return bad ? BadInput : found ? Found : 0;
        });
        return check;
    }

    /// <summary>The draft as one item, or each non-blank line of the input file (or stdin) with its line number.</summary>
    private static async IAsyncEnumerable<(int Line, Item? Item, string? Problem)> Items(
        string? draft, string? file, string origin, string platform, string? account,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (draft is not null)
        {
            yield return (0, new Item { Id = "draft", Text = draft, Origin = origin, Platform = platform, Account = account }, null);
            yield break;
        }
        using var reader = file == "-" ? new StreamReader(Console.OpenStandardInput()) : new StreamReader(file!);
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            number++;
            if (line.Trim().Length == 0)
            {
                continue;
            }
            var (item, problem) = CheckInput.Parse(line);
            yield return (number, item, problem);
        }
    }
}
