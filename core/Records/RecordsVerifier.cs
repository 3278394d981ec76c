using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using SocialMonitor.Core.Archive;

namespace SocialMonitor.Core.Records;

/// <summary>
/// Checks an export: the manifest's SHA-256 against the ZIP comment; every file the manifest lists present, with its
/// SHA-256 and size; no file the manifest does not list; each <c>raw/</c> file's content hash equal to its name; and,
/// given the archive, each raw file equal to the answer the archive keeps.
/// </summary>
public static class RecordsVerifier
{
    public static async Task<RecordsVerification> VerifyAsync(Stream zipFile, ResponseArchive? archive, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        await using var zip = await ZipArchive.CreateAsync(zipFile, ZipArchiveMode.Read, leaveOpen: true, entryNameEncoding: null, cancellationToken);
        var comment = zip.Comment;
        var stated = comment.StartsWith(RecordsZip.CommentPrefix, StringComparison.Ordinal) ? comment[RecordsZip.CommentPrefix.Length..].Trim() : null;
        if (stated is null)
        {
            problems.Add("the ZIP comment does not hold the manifest's SHA-256: this is not a complete records export");
        }
        if (zip.GetEntry(RecordsPaths.Manifest) is not { } manifestEntry)
        {
            problems.Add($"{RecordsPaths.Manifest}: missing");
            return new RecordsVerification(problems, 0, null, null);
        }
        var (manifestSha, _) = await HashAsync(manifestEntry, cancellationToken);
        if (stated is not null && stated != manifestSha)
        {
            problems.Add($"{RecordsPaths.Manifest}: changed (its SHA-256 is {manifestSha}; the ZIP comment says {stated})");
        }

        var listed = new HashSet<string>(StringComparer.Ordinal) { RecordsPaths.Manifest };
        int checkedFiles = 0, checkedRaw = 0;
        await using var manifestStream = await manifestEntry.OpenAsync(cancellationToken);
        using var manifest = await JsonDocument.ParseAsync(manifestStream, cancellationToken: cancellationToken);
        foreach (var file in manifest.RootElement.GetProperty("files").EnumerateArray())
        {
            var path = file.GetProperty("path").GetString()!;
            var sha = file.GetProperty("sha256").GetString();
            listed.Add(path);
            if (zip.GetEntry(path) is not { } entry)
            {
                problems.Add($"{path}: missing from the ZIP");
                continue;
            }
            string actual;
            long bytes;
            try
            {
                (actual, bytes) = await HashAsync(entry, cancellationToken);
            }
            catch (InvalidDataException e)
            {
                problems.Add($"{path}: damaged ({e.Message})");
                continue;
            }
            checkedFiles++;
            if (actual != sha || bytes != file.GetProperty("bytes").GetInt64())
            {
                problems.Add($"{path}: changed (SHA-256 {actual}, {bytes} bytes; the manifest says {sha}, {file.GetProperty("bytes").GetInt64()} bytes)");
            }
            if (path.StartsWith("raw/", StringComparison.Ordinal) && RecordsPaths.Raw(actual) != path)
            {
                problems.Add($"{path}: its content's SHA-256 is {actual}, not its name");
            }
            if (archive is not null && file.TryGetProperty("archive", out var page) && page.GetString() is { } name)
            {
                await using var kept = await archive.OpenAsync(name, cancellationToken);
                checkedRaw++;
                if (kept is null)
                {
                    problems.Add($"{path}: the archive holds no {name}");
                }
                else if (Convert.ToHexStringLower(await SHA256.HashDataAsync(kept, cancellationToken)) != actual)
                {
                    problems.Add($"{path}: differs from the archived answer {name}");
                }
            }
        }
        foreach (var entry in zip.Entries.Where(e => !listed.Contains(e.FullName)))
        {
            problems.Add($"{entry.FullName}: not in the manifest");
        }
        return new RecordsVerification(problems, checkedFiles, archive is null ? null : checkedRaw, manifestSha);
    }

    private static async Task<(string Sha256, long Bytes)> HashAsync(ZipArchiveEntry entry, CancellationToken cancellationToken)
    {
        await using var stream = await entry.OpenAsync(cancellationToken);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            total += read;
        }
        return (Convert.ToHexStringLower(hash.GetHashAndReset()), total);
    }
}
