using System.CommandLine;
using SocialMonitor.Cli.Commands;

var root = new RootCommand("SocialMonitor: checks the library's social media accounts against its written policy. Output for machines on stdout; logs and tables on stderr.");
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
return await root.Parse(args).InvokeAsync();
