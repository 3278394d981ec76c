using System.CommandLine;
using SocialMonitor.Core.Api;
using SocialMonitor.Core.Notifications;
using SocialMonitor.Core.Queues;

namespace SocialMonitor.Cli.Commands;

/// <summary><c>notify test --to ADDRESS</c>, <c>notify digest</c> and <c>notify resend ID</c>.</summary>
internal static class NotifyCommands
{
    public static Command Create()
    {
        var notify = new Command("notify", "Email: send a test, run the hourly digest job, send a failed email again.");

        var test = new Command("test", "Send one test email through the configured sender (Mail__Mode: Files or Graph). Uses no storage.");
        var to = new Option<string>("--to") { Description = "The address to send the test email to.", Required = true };
        test.Options.Add(to);
        CommandRunner.SetAction(test, async (parse, ct) =>
        {
            var address = parse.GetValue(to)!;
            if (!MimeKit.MailboxAddress.TryParse(address, out _) || !address.Contains('@', StringComparison.Ordinal))
            {
                await Console.Error.WriteLineAsync($"socialmonitor notify test: --to must be an email address; it is '{address}'.");
                return 1;
            }
            await using var host = await CliHost.StartAsync(CliHost.CreateServices(CliConfiguration.Build(), parse.GetValue(CommandRunner.Verbose)), storage: false, ct);
            host.Uses<MailOptions>().Uses<GraphOptions>();
            var sender = host.Get<INotificationSender>();
            var email = host.Get<EmailComposer>().Test(address);
            try
            {
                await sender.SendAsync(email, ct);
            }
            catch (MailDeliveryException e)
            {
                await Console.Error.WriteLineAsync($"socialmonitor notify test: not sent: {e.Message}");
                return 1;
            }
            await Console.Error.WriteLineAsync($"Sent test email {email.Id} to {address} through {sender.Describe()}.");
            return 0;
        });

        var digest = new Command("digest", "Run the hourly mail job now (as DigestTimer does): digests due at each person's hour, escalations past the SLA, unsent emails; then send what it queued.");
        CommandRunner.SetAction(digest, async (parse, ct) =>
        {
            await using var host = await CliHost.StartAsync(CliHost.CreateServices(CliConfiguration.Build(), parse.GetValue(CommandRunner.Verbose)), storage: true, ct);
            host.Uses<MailOptions>().Uses<GraphOptions>().Uses<ApiOptions>();
            var summary = await host.Get<HourlyMailJob>().RunAsync(ct);
            await host.Get<QueueDrainer>().DrainAsync([QueueNames.SendEmail, QueueNames.SendEmailPoison], ct);
            await Console.Error.WriteLineAsync($"{summary.Digests} digests and {summary.Escalations} escalations queued, {summary.Requeued} unsent emails tried again.");
            return 0;
        });

        var resend = new Command("resend", "Send a failed email again (its id is in the capture.mail-failed finding), with a fresh set of attempts.");
        var id = new Argument<string>("ID") { Description = "The email's id, e.g. immediate-3fa9c1d2e4b5a6f70123abcd." };
        resend.Arguments.Add(id);
        CommandRunner.SetAction(resend, async (parse, ct) =>
        {
            await using var host = await CliHost.StartAsync(CliHost.CreateServices(CliConfiguration.Build(), parse.GetValue(CommandRunner.Verbose)), storage: true, ct);
            host.Uses<MailOptions>().Uses<GraphOptions>();
            if (!await host.Get<Outbox>().ResendAsync(parse.GetValue(id)!, ct))
            {
                await Console.Error.WriteLineAsync($"socialmonitor notify resend: there is no email {parse.GetValue(id)} in the outbox.");
                return 1;
            }
            await host.Get<QueueDrainer>().DrainAsync([QueueNames.SendEmail, QueueNames.SendEmailPoison], ct);
            var email = await host.Get<Outbox>().GetAsync(parse.GetValue(id)!, ct);
            await Console.Error.WriteLineAsync($"Email {email!.Id} is {email.State}{(email.LastError is null ? "" : $": {email.LastError}")}.");
            return email.State == OutboxStates.Sent ? 0 : 1;
        });

        notify.Subcommands.Add(test);
        notify.Subcommands.Add(digest);
        notify.Subcommands.Add(resend);
        return notify;
    }
}
