using System.IO.Compression;
using System.Text;
using SocialMonitor.Core.Items;

namespace SocialMonitor.Core.Records;

/// <summary>
/// The export's ZIP, written forward only onto any stream (an HTTP response included: <see cref="ZipArchiveMode.Create"/>
/// needs no seeking), one entry at a time. Each entry's SHA-256 and size are taken as it is written and kept, one JSON
/// line per file, in a spool file for the manifest, so memory does not grow with the number of entries.
/// </summary>
public sealed class RecordsZip : IAsyncDisposable
{
    /// <summary>The ZIP comment's text before the manifest's SHA-256.</summary>
    public const string CommentPrefix = "SocialMonitor records export; SHA-256 of manifest.json: ";

    private readonly ZipArchive _zip;
    private readonly WriteBehindStream _output;
    private readonly SpoolFile _files = new();
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    private RecordsZip(ZipArchive zip, WriteBehindStream output)
    {
        _zip = zip;
        _output = output;
    }

    public static async Task<RecordsZip> CreateAsync(Stream output, CancellationToken cancellationToken)
    {
        var behind = new WriteBehindStream(output);
        return new(await ZipArchive.CreateAsync(behind, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8, cancellationToken), behind);
    }

    /// <summary>The files written so far: one <see cref="RecordsFile"/> JSON line each, in the order written.</summary>
    public SpoolFile Files => _files;

    public bool Contains(string path) => _names.Contains(path);

    /// <summary>Writes one entry; <paramref name="source"/> says where a raw answer is kept in the archive.</summary>
    public async Task<RecordsFile> AddAsync(string path, Func<Stream, Task> write, CancellationToken cancellationToken, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (!_names.Add(path))
        {
            throw new InvalidOperationException($"The export wrote {path} twice.");
        }
        var entry = _zip.CreateEntry(path, CompressionLevel.Optimal);
        RecordsFile file;
        await using (var stream = await entry.OpenAsync(cancellationToken))
        {
            await using var hashing = new HashingStream(stream);
            await write(hashing);
            file = new RecordsFile(path, hashing.Sha256(), hashing.Bytes, source);
        }
        await _output.DrainAsync(cancellationToken);
        await _files.Writer.WriteLineAsync(ItemJson.Serialize(file).AsMemory(), cancellationToken);
        _files.Count++;
        return file;
    }

    public Task<RecordsFile> AddTextAsync(string path, string text, CancellationToken cancellationToken) =>
        AddAsync(path, async s => await s.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken), cancellationToken);

    /// <summary>The last entry, the manifest: its SHA-256 goes into the ZIP comment; no entry may follow it.</summary>
    public async Task<string> CloseAsync(string manifestPath, Func<Stream, Task> writeManifest, CancellationToken cancellationToken)
    {
        _names.Add(manifestPath);
        var entry = _zip.CreateEntry(manifestPath, CompressionLevel.Optimal);
        string sha;
        await using (var stream = await entry.OpenAsync(cancellationToken))
        {
            await using var hashing = new HashingStream(stream);
            await writeManifest(hashing);
            sha = hashing.Sha256();
        }
        _zip.Comment = CommentPrefix + sha;
        await _zip.DisposeAsync();
        await _output.FlushAsync(cancellationToken);
        return sha;
    }

    public async ValueTask DisposeAsync()
    {
        await _zip.DisposeAsync();
        await _files.DisposeAsync();
        await _output.DisposeAsync();
    }
}
