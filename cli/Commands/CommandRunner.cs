using SocialMonitor.Local;
using System.CommandLine;
using Microsoft.Extensions.Options;
using SocialMonitor.Core.Hosting;
using SocialMonitor.Core.Policies;

namespace SocialMonitor.Cli.Commands;

/// <summary>Runs a command's action, turning a bad setting or a missing tool into one clear line on stderr and exit code 1.</summary>
internal static class CommandRunner
{
    public static readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = $"Log progress, and the output of the storage emulator, to stderr (else to {CliLog.FileName} in the working directory).",
        Recursive = true,
    };

    public static void SetAction(Command command, Func<ParseResult, CancellationToken, Task<int>> action) =>
        command.SetAction(async (parse, cancellationToken) =>
        {
            CliLog.Verbose = parse.GetValue(Verbose);
            try
            {
                return await action(parse, cancellationToken);
            }
            catch (OptionsValidationException e)
            {
                await Console.Error.WriteLineAsync($"socialmonitor: bad settings: {string.Join(" ", e.Failures)}");
            }
            catch (PolicyException e)
            {
                await Console.Error.WriteLineAsync($"socialmonitor: bad policy: {e.Message}");
            }
            catch (AzuriteException e)
            {
                await Console.Error.WriteLineAsync($"socialmonitor: storage emulator: {e.Message}");
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or KeyNotFoundException)
            {
                await Console.Error.WriteLineAsync($"socialmonitor: {e.Message}");
            }
            finally
            {
                await CliLog.CloseAsync();
            }
            return 1;
        });
}
