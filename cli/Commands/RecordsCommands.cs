using System.CommandLine;
using System.Globalization;
using Azure;
using SocialMonitor.Core.Archive;
using SocialMonitor.Core.Policies;
using SocialMonitor.Core.Records;

namespace SocialMonitor.Cli.Commands;

/// <summary>
/// <c>records export --out FILE.zip --by EMAIL [--location L] [--account A] [--platform P] [--from D] [--to D] [--text T]</c>:
/// a records export; <c>records verify FILE.zip [--offline]</c>: every hash recomputed, and the raw answers compared
/// with the archive unless offline. Exit code 1 when the file fails (each problem on stderr, naming its file).
/// </summary>
internal static class RecordsCommands
{
    public static Command Create()
    {
        var records = new Command("records", "Public records requests: export what was said, when, by whom, with its history; verify an export; retention and legal holds.");
        records.Subcommands.Add(Export());
        records.Subcommands.Add(Verify());
        RecordHoldCommands.AddTo(records);
        return records;
    }

    private static Command Export()
    {
        var export = new Command("export", "Write a records export (a ZIP) of every captured item in scope, its history, findings, audit entries, emails and thread pages.");
        var output = new Option<FileInfo>("--out") { Description = "The ZIP to write (not replaced if it exists).", Required = true };
        var by = new Option<string>("--by") { Description = "Who asks (email), for the manifest and the audit log.", Required = true };
        var location = new Option<string[]>("--location") { Description = "Location ids.", AllowMultipleArgumentsPerToken = true };
        var account = new Option<string[]>("--account") { Description = "Account ids.", AllowMultipleArgumentsPerToken = true };
        var platform = new Option<string[]>("--platform") { Description = "Platforms (facebook, instagram, x, …).", AllowMultipleArgumentsPerToken = true };
        var from = new Option<string?>("--from") { Description = "From this date (yyyy-MM-dd, the library's time zone) or UTC time (…T15:00:00Z)." };
        var to = new Option<string?>("--to") { Description = "To this date, inclusive (the library's time zone), or before this UTC time." };
        var text = new Option<string?>("--text") { Description = "Only items whose text (any version) holds this, case-insensitive." };
        foreach (var option in new Option[] { output, by, location, account, platform, from, to, text })
        {
            export.Options.Add(option);
        }
        CommandRunner.SetAction(export, async (parse, ct) =>
        {
            await using var host = await CliHost.StartAsync(CliHost.CreateServices(CliConfiguration.Build(), parse.GetValue(CommandRunner.Verbose)), storage: true, ct);
            var zone = host.Get<Policy>().Zone;
            if (!TryTime(parse.GetValue(from), zone, end: false, out var start) || !TryTime(parse.GetValue(to), zone, end: true, out var end))
            {
                await Console.Error.WriteLineAsync("socialmonitor records export: --from and --to take a date (2026-10-01) or a UTC time (2026-10-01T15:00:00Z).");
                return 1;
            }
            if (start >= end)
            {
                await Console.Error.WriteLineAsync("socialmonitor records export: --to must be later than --from.");
                return 1;
            }
            var query = new RecordsQuery
            {
                Locations = parse.GetValue(location) ?? [],
                Accounts = parse.GetValue(account) ?? [],
                Platforms = parse.GetValue(platform) ?? [],
                From = start,
                To = end,
                Text = parse.GetValue(text),
            };
            var exporter = host.Get<RecordsExporter>();
            try
            {
                await exporter.AccountsAsync(query, ct);
            }
            catch (RecordsQueryException e)
            {
                await Console.Error.WriteLineAsync($"socialmonitor records export: --{e.Message}");
                return 1;
            }
            var file = parse.GetValue(output)!;
            var done = false;
            try
            {
                RecordsExport result;
                await using (var stream = new FileStream(file.FullName, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
                {
                    result = await exporter.ExportAsync(query, parse.GetValue(by)!, stream, ct);
                }
                done = true;
                var counts = result.Counts;
                await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"Wrote {file.FullName}: {counts.Items} items ({counts.Versions} versions, {counts.Events} events), {counts.Threads} thread pages, {counts.Findings} findings, {counts.Emails} emails, {counts.RawAnswers} raw answers; manifest SHA-256 {result.ManifestSha256}."));
                return 0;
            }
            finally
            {
                if (!done && file.Exists)
                {
                    File.Delete(file.FullName); // A cut-off export is no record: nothing half-written is left behind.
                }
            }
        });
        return export;
    }

    private static Command Verify()
    {
        var verify = new Command("verify", "Recompute every file's SHA-256 of a records export against its manifest, and compare its raw answers with the archive.");
        var file = new Argument<FileInfo>("FILE") { Description = "The export's ZIP." };
        var offline = new Option<bool>("--offline") { Description = "Do not reach storage: raw answers are checked against their names only." };
        verify.Arguments.Add(file);
        verify.Options.Add(offline);
        CommandRunner.SetAction(verify, async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"socialmonitor records verify: there is no file {path.FullName}.");
                return 1;
            }
            await using var zip = path.OpenRead();
            RecordsVerification result;
            if (parse.GetValue(offline))
            {
                result = await RecordsVerifier.VerifyAsync(zip, null, ct);
            }
            else
            {
                await using var host = await CliHost.StartAsync(CliHost.CreateServices(CliConfiguration.Build(), parse.GetValue(CommandRunner.Verbose)), storage: true, ct);
                try
                {
                    result = await RecordsVerifier.VerifyAsync(zip, host.Get<ResponseArchive>(), ct);
                }
                catch (Exception e) when (e is RequestFailedException or AggregateException or HttpRequestException)
                {
                    await Console.Error.WriteLineAsync($"Storage is not reachable ({e.Message.Split('\n')[0]}): raw answers are checked against their names only.");
                    zip.Position = 0;
                    result = await RecordsVerifier.VerifyAsync(zip, null, ct);
                }
            }
            foreach (var problem in result.Problems)
            {
                await Console.Error.WriteLineAsync("CHANGED " + problem);
            }
            var archive = result.RawCheckedAgainstArchive is { } raw ? $"{raw} raw answers match the archive" : "raw answers not compared with the archive";
            await Console.Error.WriteLineAsync(result.Passed
                ? $"OK {path.Name}: {result.FilesChecked} files match the manifest (SHA-256 {result.ManifestSha256}); {archive}."
                : $"FAILED {path.Name}: {result.Problems.Count} problems.");
            return result.Passed ? 0 : 1;
        });
        return verify;
    }

    private static bool TryTime(string? text, TimeZoneInfo zone, bool end, out DateTimeOffset? time)
    {
        time = null;
        if (text is null)
        {
            return true;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var midnight = (end ? date.AddDays(1) : date).ToDateTime(TimeOnly.MinValue);
            time = new DateTimeOffset(midnight, zone.GetUtcOffset(midnight)).ToUniversalTime();
            return true;
        }
        if (DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            time = at;
            return true;
        }
        return false;
    }
}
