using System.CommandLine;
using SocialMonitor.Cli;

namespace SocialMonitor.Tests.Cli;

public sealed class CliCommandsTests
{
    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        foreach (var path in Leaves(CliCommands.Create(), []))
        {
            data.Add(path);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Parse_EveryCommandWithVerbose_AcceptsIt(string command)
    {
        var parse = CliCommands.Create().Parse([.. command.Split(' '), "--verbose"]);

        Assert.DoesNotContain(parse.Errors, e => e.Message.Contains("--verbose", StringComparison.Ordinal));
        Assert.True(parse.GetValue<bool>("--verbose"));
    }

    private static IEnumerable<string> Leaves(Command command, string[] path) =>
        command.Subcommands.Count == 0
            ? [string.Join(' ', path)]
            : command.Subcommands.SelectMany(c => Leaves(c, [.. path, c.Name]));
}
