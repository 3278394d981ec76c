using System.CommandLine;
using System.Globalization;
using SocialMonitor.Core.Api;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Platforms;

namespace SocialMonitor.Cli.Commands;

/// <summary>
/// <c>health [--format table|jsonl]</c>: what <c>GET /api/health</c> shows the coordinator, per account: status, last
/// good scan, token, open capture findings, and what its platform can show (✔, "cannot verify", "not yet").
/// </summary>
internal static class HealthCommand
{
    public const string Supported = "✔";

    private static readonly ApiCaller s_coordinator = new("socialmonitor health", Roles.Coordinator, null);

    public static Command Create()
    {
        var health = new Command("health", "Capture health per account: last good scan, token, open capture findings, and what the platform cannot show (\"cannot verify\": check it by hand).");
        var format = new Option<string>("--format") { Description = "table (stderr) or jsonl (one account per line on stdout, as GET /api/health gives it).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "jsonl");
        health.Options.Add(format);
        CommandRunner.SetAction(health, async (parse, ct) =>
        {
            await using var host = await CliHost.StartAsync(CliHost.CreateServices(CliConfiguration.Build(), parse.GetValue(CommandRunner.Verbose)), storage: true, ct);
            var locations = await host.Get<VisibleLocations>().ForAsync(s_coordinator, ct);
            var (accounts, unassigned) = await host.Get<HealthReport>().ForAsync(locations, ct);
            if (parse.GetValue(format) == "jsonl")
            {
                foreach (var account in accounts)
                {
                    await Console.Out.WriteLineAsync(ItemJson.Serialize(account));
                }
                return 0;
            }
            await Console.Error.WriteAsync(Render(accounts, unassigned.Count));
            return 0;
        });
        return health;
    }

    public static string Render(IReadOnlyList<AccountHealth> accounts, int unassigned)
    {
        var table = TextTable.Render(
            ["account", "platform", "location", "status", "last good scan", "token", "capture", .. PlatformCapabilities.Names],
            accounts.Select(a => (IReadOnlyList<string>)[
                a.Account, a.Platform, a.Location, a.Status,
                a.LastGoodScan?.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture) ?? "never",
                Token(a), a.OpenCaptureFindings.ToString(CultureInfo.InvariantCulture),
                .. PlatformCapabilities.Names.Select(n => State(a.Capabilities.GetValueOrDefault(n, CapabilityState.NotYet)))]));
        var notes = accounts.SelectMany(a => a.CapabilityNotes.Select(n => $"{a.Platform} {n.Key}: {n.Value}")).Distinct(StringComparer.Ordinal)
            .Select(n => $"note: {n}\n");
        var footer = unassigned == 0 ? "" : $"{unassigned} open capture finding(s) about no account: socialmonitor findings list --location district\n";
        return table + string.Concat(notes) + footer;
    }

    /// <summary>The README's words for a state: ✔, "cannot verify" (a person checks it by hand), "not yet" (no client yet).</summary>
    public static string State(CapabilityState state) => state switch
    {
        CapabilityState.Supported => Supported,
        CapabilityState.CannotVerify => "cannot verify",
        _ => "not yet",
    };

    private static string Token(AccountHealth a) => (a.TokenValid, a.TokenExpiresAt) switch
    {
        (null, _) => "not checked",
        (false, _) => "invalid",
        (true, { } expires) => $"valid until {expires.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
        (true, null) => "valid, no expiry",
    };
}
