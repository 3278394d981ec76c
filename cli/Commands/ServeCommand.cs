using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace SocialMonitor.Cli.Commands;

/// <summary><c>serve</c>: the page and the HTTP API on Kestrel at http://localhost:7071 until Ctrl+C; prints a sign-in link per key.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var serve = new Command("serve", $"Serve the page (/findings, with a one-time sign-in link printed per configured key) and the HTTP API (every /api endpoint; /api/openapi.json describes them) on {ApiServer.DefaultUrl} until Ctrl+C, as the Functions host would.");
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => ApiServer.DefaultUrl };
        serve.Options.Add(urls);
        CommandRunner.SetAction(serve, async (parse, ct) =>
        {
            var configuration = CliConfiguration.Build();
            if (string.Equals(configuration[$"{Core.Api.ApiOptions.Section}:AuthMode"], Core.Api.ApiAuthenticator.AppServiceAuthentication, StringComparison.OrdinalIgnoreCase))
            {
                // No App Service Authentication runs in front of serve, so nothing strips a forged X-MS-CLIENT-PRINCIPAL.
                throw new InvalidOperationException(
                    "Setting Api__AuthMode=AppServiceAuthentication is for the Functions host behind App Service Authentication; serve has none "
                    + "in front, so anyone could forge the principal header. Use Api__AuthMode=ApiKeys with serve.");
            }
            var verbose = parse.GetValue(CommandRunner.Verbose);
            await using var host = await CliHost.StartAsync(CliHost.CreateServices(configuration, verbose), storage: true, ct);
            host.Uses<Core.Api.ApiOptions>();
            await using var app = ApiServer.Build(configuration, parse.GetValue(urls)!, verbose);
            await app.StartAsync(ct);
            await Console.Error.WriteLineAsync($"Serving the API on {parse.GetValue(urls)}/api (header X-Api-Key: a key from Api__Keys__<n>__Key). Ctrl+C stops.");
            await SignInLinks.PrintAsync(app, parse.GetValue(urls)!.TrimEnd('/'), Console.Error);
            await app.WaitForShutdownAsync(ct);
            return 0;
        });
        return serve;
    }
}
