using System.CommandLine;
using SocialMonitor.Core.Api;
using SocialMonitor.Core.Notifications;
using SocialMonitor.Core.Platforms;
using SocialMonitor.Core.Policies;
using SocialMonitor.Core.Queues;
using SocialMonitor.Core.Rules.LinkDomain;
using SocialMonitor.Core.Scanning;

namespace SocialMonitor.Cli.Commands;

/// <summary>
/// <c>work</c>: drain the queues with the host's rules (5 attempts, then poison), then wait for the immediate emails held
/// for their bundle window and send them (<see cref="HeldEmails"/>), so that nothing this run queued is left pending.
/// </summary>
internal static class WorkCommand
{
    public static Command Create()
    {
        var work = new Command("work", "Process every queued message (scans, evaluations, emails) until the queues are empty, as the Functions host would, waiting for immediate emails held to bundle findings (Mail__BundleSeconds).");
        CommandRunner.SetAction(work, async (parse, ct) =>
        {
            await using var host = await CliHost.StartAsync(CliHost.CreateServices(CliConfiguration.Build(), parse.GetValue(CommandRunner.Verbose)), storage: true, ct);
            host.Uses<ScanOptions>().Uses<PlatformsOptions>().Uses<TokenOptions>().Uses<MailOptions>().Uses<ApiOptions>().Uses<LinkOptions>();
            _ = host.Get<Policy>(); // a bad policy stops here, before any message is taken
            var handled = await host.Get<QueueDrainer>().DrainAsync(QueueDrainer.AllQueues, ct);
            handled += await HeldEmails.SendAsync(host, ct);
            await Console.Error.WriteLineAsync($"Processed {handled} queue messages; the queues are empty.");
            return 0;
        });
        return work;
    }
}
