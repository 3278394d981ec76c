using System.CommandLine;
using SocialMonitor.Core.Platforms;
using SocialMonitor.Core.Queues;
using SocialMonitor.Core.Scanning;

namespace SocialMonitor.Cli.Commands;

/// <summary><c>scan --once</c>: queue a scan of every registered account and run the scans (evaluation is <c>work</c>'s).</summary>
internal static class ScanCommand
{
    public static Command Create()
    {
        var scan = new Command("scan", "Read every registered account's new posts and comments and queue them for evaluation.");
        var once = new Option<bool>("--once") { Description = "Scan once and exit (the Functions host scans on ScanSchedule)." };
        scan.Options.Add(once);
        CommandRunner.SetAction(scan, async (parse, ct) =>
        {
            if (!parse.GetValue(once))
            {
                await Console.Error.WriteLineAsync("socialmonitor scan: give --once (scheduled scanning is the Functions host's ScanTimer).");
                return 1;
            }
            await using var host = await CliHost.StartAsync(CliHost.CreateServices(CliConfiguration.Build(), parse.GetValue(CommandRunner.Verbose)), storage: true, ct);
            host.Uses<ScanOptions>().Uses<PlatformsOptions>().Uses<TokenOptions>();
            var count = await host.Get<ScanScheduler>().QueueAllAsync(ct);
            await host.Get<QueueDrainer>().DrainAsync([QueueNames.ScanAccount, QueueNames.ScanAccountPoison], ct);
            await Console.Error.WriteLineAsync($"Scanned {count} accounts; run 'socialmonitor work' to evaluate what they queued.");
            return 0;
        });
        return scan;
    }
}
