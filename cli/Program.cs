using SocialMonitor.Cli;

return await CliCommands.Create().Parse(args).InvokeAsync();
