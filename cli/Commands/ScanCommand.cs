using System.CommandLine;
using System.Globalization;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Platforms;
using SocialMonitor.Core.Queues;
using SocialMonitor.Core.Scanning;

namespace SocialMonitor.Cli.Commands;

/// <summary>
/// <c>scan --once</c>: queue a scan of every registered account and run the scans (evaluation is <c>work</c>'s), then a
/// table of what each did and its API calls by stream on stderr. <c>scan --once --dry-run --accounts FILE</c>: read the
/// file's accounts as a first scan would, with no storage at all, and print each item as JSON, one a line, on stdout.
/// </summary>
internal static class ScanCommand
{
    public static Command Create()
    {
        var scan = new Command("scan", "Read every registered account's new posts, comments and account facts and queue them for evaluation.");
        var once = new Option<bool>("--once") { Description = "Scan once and exit (the Functions host scans on ScanSchedule)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Use no storage: read the accounts of --accounts with a backfill and print every item as JSON on stdout." };
        var accountsFile = new Option<FileInfo?>("--accounts") { Description = "With --dry-run: the accounts file to read (tokens come from the Tokens__<name> settings)." };
        scan.Options.Add(once);
        scan.Options.Add(dryRun);
        scan.Options.Add(accountsFile);
        CommandRunner.SetAction(scan, async (parse, ct) =>
        {
            if (!parse.GetValue(once))
            {
                await Console.Error.WriteLineAsync("socialmonitor scan: give --once (scheduled scanning is the Functions host's ScanTimer).");
                return 1;
            }
            if (parse.GetValue(dryRun))
            {
                return await DryRunAsync(parse.GetValue(accountsFile), parse.GetValue(CommandRunner.Verbose), ct);
            }
            if (parse.GetValue(accountsFile) is not null)
            {
                await Console.Error.WriteLineAsync("socialmonitor scan: --accounts goes with --dry-run; a real scan reads the registry ('accounts import FILE' first).");
                return 1;
            }
            await using var host = await CliHost.StartAsync(CliHost.CreateServices(CliConfiguration.Build(), parse.GetValue(CommandRunner.Verbose)), storage: true, ct);
            host.Uses<ScanOptions>().Uses<PlatformsOptions>().Uses<TokenOptions>();
            var count = await host.Get<ScanScheduler>().QueueAllAsync(ct);
            await host.Get<QueueDrainer>().DrainAsync([QueueNames.ScanAccount, QueueNames.ScanAccountPoison], ct);
            var summaries = new List<ScanSummary>();
            foreach (var account in await host.Get<AccountRegistry>().ListAccountsAsync(ct))
            {
                summaries.Add((await host.Get<CursorStore>().GetStateAsync(account.Id, ct)).Last ?? new ScanSummary(account.Id, account.Platform, 0, 0, 0, "did not run to an end"));
            }
            await Console.Error.WriteAsync(Render(summaries));
            await Console.Error.WriteLineAsync($"Scanned {count} accounts; run 'socialmonitor work' to evaluate what they queued.");
            return 0;
        });
        return scan;
    }

    private static async Task<int> DryRunAsync(FileInfo? file, bool verbose, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            await Console.Error.WriteLineAsync("socialmonitor scan --dry-run: give --accounts FILE (a dry run uses no storage, so not the registry).");
            return 1;
        }
        var read = AccountsFileReader.ReadFile(file.FullName);
        if (!read.IsValid)
        {
            foreach (var problem in read.Problems)
            {
                await Console.Error.WriteLineAsync(problem.ToString());
            }
            await Console.Error.WriteLineAsync($"{read.Problems.Count} problem{(read.Problems.Count == 1 ? "" : "s")} in {file.FullName}: nothing was scanned.");
            return 1;
        }
        await using var host = await CliHost.StartAsync(CliHost.CreateServices(CliConfiguration.Build(), verbose), storage: false, cancellationToken);
        host.Uses<ScanOptions>().Uses<PlatformsOptions>().Uses<TokenOptions>();
        var summaries = await host.Get<DryRunScanner>().ScanAsync(read.File.Accounts,
            (item, ct) => Console.Out.WriteLineAsync(ItemJson.Serialize(item).AsMemory(), ct), cancellationToken);
        await Console.Out.FlushAsync(cancellationToken);
        await Console.Error.WriteAsync(Render(summaries));
        return summaries.Any(s => s.Stopped is not null) ? 2 : 0;
    }

    /// <summary>
    /// One row per account: items, API calls in all and by stream, and what stopped or could not be read; a note too long
    /// for its cell follows the table whole (the log lines are in the log file, so this is where a person reads why).
    /// </summary>
    public static string Render(IReadOnlyList<ScanSummary> summaries) => TextTable.Render(
        ["account", "platform", "items read", "queued", "API calls", "by stream", "note"],
        summaries.Select(s => (IReadOnlyList<string>)[
            s.Account, s.Platform, Number(s.ItemsRead), Number(s.ItemsQueued), Number(s.Calls),
            string.Join(", ", s.CallsByStream.Select(c => $"{c.Key} {Number(c.Value)}")),
            Shorten(Note(s))]))
        + string.Concat(summaries.Where(s => Note(s).Length > MaxNote).Select(s => $"{s.Account}: {Note(s)}{Environment.NewLine}"));

    private const int MaxNote = 120;

    private static string Shorten(string note) => note.Length > MaxNote ? note[..(MaxNote - 3)] + "..." : note;

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Note(ScanSummary summary)
    {
        var notes = new List<string>();
        if (summary.Skipped is { } skipped)
        {
            notes.Add("skipped: " + skipped);
        }
        if (summary.Stopped is { } stopped)
        {
            notes.Add("stopped: " + stopped);
        }
        notes.AddRange(summary.Unreadable.Keys.Select(k => "unreadable: " + k));
        return string.Join("; ", notes);
    }
}
