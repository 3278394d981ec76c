using SocialMonitor.Local;
using System.CommandLine;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using SocialMonitor.Cli.Demo;

namespace SocialMonitor.Cli.Commands;

/// <summary><c>demo [--serve]</c>: the whole pipeline on sample data, with no setup.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var demo = new Command("demo", "Run the whole pipeline on CLN sample data: its own Azurite, a loopback Facebook, one scan, rules, findings and emails in ./outbox/demo/.");
        var serve = new Option<bool>("--serve") { Description = $"Afterwards keep the page and the API up on {ApiServer.DefaultUrl} until Ctrl+C." };
        demo.Options.Add(serve);
        CommandRunner.SetAction(demo, async (parse, ct) =>
        {
            var verbose = parse.GetValue(CommandRunner.Verbose);
            await using var runner = await DemoRunner.StartAsync(Path.Combine("outbox", "demo"), ct, CliLog.Writer);
            var summary = await runner.RunAsync(verbose, ct);
            await Console.Error.WriteLineAsync();
            await Console.Error.WriteAsync(summary.Render());
            if (!parse.GetValue(serve))
            {
                return 0;
            }

            // Keys made for this run only: nothing to keep secret in the repository. Any Api__Keys__* configured (environment,
            // local.settings.json) work too, before these.
            var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            var managerKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            await using var app = runner.BuildApi(CliConfiguration.Build(), key, managerKey, ApiServer.DefaultUrl, verbose);
            await app.StartAsync(ct);
            await Console.Error.WriteLineAsync($"The API is up on {ApiServer.DefaultUrl} until Ctrl+C. Try:");
            await Console.Error.WriteLineAsync($"  the coordinator (every location):  curl -H 'X-Api-Key: {key}' '{ApiServer.DefaultUrl}/api/findings?pageSize=5'");
            await Console.Error.WriteLineAsync($"  a manager of {DemoApiSettings.ManagerLocation} (that location only): curl -H 'X-Api-Key: {managerKey}' '{ApiServer.DefaultUrl}/api/findings?pageSize=5'");
            await SignInLinks.PrintAsync(app, ApiServer.DefaultUrl, Console.Error);
            await app.WaitForShutdownAsync(ct);
            return 0;
        });
        return demo;
    }
}
