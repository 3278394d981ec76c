using System.CommandLine;
using SocialMonitor.Cli.Commands;

namespace SocialMonitor.Cli;

/// <summary>The <c>socialmonitor</c> command tree. <c>--verbose</c> is on the root and recursive, so every command takes it.</summary>
internal static class CliCommands
{
    public static RootCommand Create()
    {
        var root = new RootCommand("SocialMonitor: checks the library's social media accounts against its written policy. Output for machines on stdout; logs and tables on stderr.");
        root.Options.Add(CommandRunner.Verbose);
        root.Subcommands.Add(AccountsCommands.Create());
        root.Subcommands.Add(ScanCommand.Create());
        root.Subcommands.Add(WorkCommand.Create());
        root.Subcommands.Add(FindingsCommands.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(NotifyCommands.Create());
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(ApprovalsCommands.Create());
        root.Subcommands.Add(ItemsCommands.Create());
        root.Subcommands.Add(HealthCommand.Create());
        root.Subcommands.Add(RecordsCommands.Create());
        return root;
    }
}
