using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;
using SocialMonitor.Core.Items;

namespace SocialMonitor.Core.Records;

/// <summary>
/// The export's ZIP, written forward only onto any stream (an HTTP response included), one entry at a time, in memory
/// that does not grow with the number of entries (docs/architecture.md, "Records requests"). It is written here rather
/// than by <see cref="ZipArchive"/>, whose create mode keeps an object per entry until it is disposed (some 500 bytes
/// each: 50 MB at 100,000 items). Each entry is a local header with a data descriptor (general purpose bit 3: sizes and
/// CRC-32 follow the deflated data), UTF-8 names (bit 11); its central directory record is spooled to a temporary file
/// and copied out at the end, with the ZIP64 end records when there are 65,535 entries or more or the directory starts
/// past 4 GB. An entry itself must stay under 4 GB. Each entry's SHA-256 and size are taken as it is written and kept,
/// one JSON line per file, in a spool file for the manifest. A failed export's ZIP is closed without the manifest (its
/// central directory is still written when the output takes it), which <c>records verify</c> refuses.
/// </summary>
public sealed class RecordsZip : IAsyncDisposable
{
    /// <summary>The ZIP comment's text before the manifest's SHA-256.</summary>
    public const string CommentPrefix = "SocialMonitor records export; SHA-256 of manifest.json: ";

    private const ushort Version20 = 20;
    private const ushort Version45 = 45;
    private const ushort Flags = 0x0808; // Bit 3: data descriptor; bit 11: UTF-8 names.
    private const ushort Deflate = 8;

    private readonly WriteBehindStream _output;
    private readonly FileStream _directory;
    private readonly SpoolFile _files = new();
    private readonly HashSet<UInt128> _names = [];
    private readonly (ushort Time, ushort Date) _modified;
    private long _entries;
    private bool _ended;

    private RecordsZip(WriteBehindStream output, DateTime modified)
    {
        _output = output;
        _modified = DosTime(modified);
        _directory = new FileStream(Path.Combine(Path.GetTempPath(), "socialmonitor-zipdir-" + Guid.NewGuid().ToString("N")), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
    }

    /// <param name="modified">The entries' modification time, as the ZIP keeps it (local, to two seconds): the export's time in the library's zone.</param>
    public static Task<RecordsZip> CreateAsync(Stream output, DateTime modified, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(new RecordsZip(new WriteBehindStream(output), modified));
    }

    /// <summary>The files written so far: one <see cref="RecordsFile"/> JSON line each, in the order written.</summary>
    public SpoolFile Files => _files;

    /// <summary>True when an entry of that path was written (each path is kept as a 128-bit hash, not as text).</summary>
    public bool Contains(string path) => _names.Contains(NameHash(path));

    /// <summary>Writes one entry; <paramref name="source"/> says where a raw answer is kept in the archive.</summary>
    public async Task<RecordsFile> AddAsync(string path, Func<Stream, Task> write, CancellationToken cancellationToken, string? source = null)
    {
        var (sha, bytes) = await WriteEntryAsync(path, write, cancellationToken);
        var file = new RecordsFile(path, sha, bytes, source);
        await _files.Writer.WriteLineAsync(ItemJson.Serialize(file).AsMemory(), cancellationToken);
        _files.Count++;
        return file;
    }

    public Task<RecordsFile> AddTextAsync(string path, string text, CancellationToken cancellationToken) =>
        AddAsync(path, async s => await s.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken), cancellationToken);

    /// <summary>The last entry, the manifest: its SHA-256 goes into the ZIP comment; no entry may follow it.</summary>
    public async Task<string> CloseAsync(string manifestPath, Func<Stream, Task> writeManifest, CancellationToken cancellationToken)
    {
        var (sha, _) = await WriteEntryAsync(manifestPath, writeManifest, cancellationToken);
        await EndAsync(CommentPrefix + sha, cancellationToken);
        return sha;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_ended)
        {
            try
            {
                await EndAsync("", CancellationToken.None); // A failed export: the entries written so far, without a manifest.
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
            {
                // The output is gone (the client went away): the export's own exception is the one that tells.
            }
        }
        await _directory.DisposeAsync();
        await _files.DisposeAsync();
        await _output.DisposeAsync();
    }

    private async Task<(string Sha256, long Bytes)> WriteEntryAsync(string path, Func<Stream, Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        ObjectDisposedException.ThrowIf(_ended, this);
        var name = Encoding.UTF8.GetBytes(path);
        if (!_names.Add(XxHash128.HashToUInt128(name))) // The same hash as NameHash's.
        {
            throw new InvalidOperationException($"The export wrote {path} twice.");
        }
        var offset = _output.Written;
        var header = new byte[30 + name.Length];
        Header(header, 0x04034b50);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(4), Version20);
        Common(header.AsSpan(6), crc: 0, compressed: 0, size: 0, name.Length, extra: 0);
        name.CopyTo(header, 30);
        await _output.WriteAsync(header, cancellationToken);

        string sha;
        long size;
        uint crc;
        await using (var deflate = new DeflateStream(_output, CompressionLevel.Optimal, leaveOpen: true))
        {
            await using var hashing = new HashingStream(deflate);
            await write(hashing);
            (sha, size, crc) = (hashing.Sha256(), hashing.Bytes, hashing.Crc32());
        }
        var compressed = _output.Written - offset - header.Length;
        if (size >= uint.MaxValue || compressed >= uint.MaxValue)
        {
            throw new InvalidOperationException($"{path} is {size:N0} bytes: an entry of the records export must stay under 4 GB.");
        }
        var descriptor = new byte[16];
        Header(descriptor, 0x08074b50);
        BinaryPrimitives.WriteUInt32LittleEndian(descriptor.AsSpan(4), crc);
        BinaryPrimitives.WriteUInt32LittleEndian(descriptor.AsSpan(8), (uint)compressed);
        BinaryPrimitives.WriteUInt32LittleEndian(descriptor.AsSpan(12), (uint)size);
        await _output.WriteAsync(descriptor, cancellationToken);
        await _output.DrainAsync(cancellationToken);
        await _directory.WriteAsync(DirectoryRecord(name, crc, (uint)compressed, (uint)size, offset), cancellationToken);
        _entries++;
        return (sha, size);
    }

    /// <summary>The central directory record of one entry; an offset past 4 GB goes into a ZIP64 extra field.</summary>
    private byte[] DirectoryRecord(byte[] name, uint crc, uint compressed, uint size, long offset)
    {
        var zip64 = offset >= uint.MaxValue;
        var extra = zip64 ? 12 : 0;
        var record = new byte[46 + name.Length + extra];
        var span = record.AsSpan();
        Header(record, 0x02014b50);
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], (3 << 8) | Version45); // Made by: Unix, 4.5.
        BinaryPrimitives.WriteUInt16LittleEndian(span[6..], zip64 ? Version45 : Version20);
        Common(span[8..], crc, compressed, size, name.Length, extra);
        // Comment length, disk number, internal attributes: 0. External attributes: a regular file, rw-r--r--.
        BinaryPrimitives.WriteUInt32LittleEndian(span[38..], 0x81A4u << 16);
        BinaryPrimitives.WriteUInt32LittleEndian(span[42..], zip64 ? uint.MaxValue : (uint)offset);
        name.CopyTo(span[46..]);
        if (zip64)
        {
            var field = span[(46 + name.Length)..];
            BinaryPrimitives.WriteUInt16LittleEndian(field, 0x0001);
            BinaryPrimitives.WriteUInt16LittleEndian(field[2..], 8);
            BinaryPrimitives.WriteInt64LittleEndian(field[4..], offset);
        }
        return record;
    }

    /// <summary>The central directory, then (when needed) the ZIP64 end record and its locator, then the end record with the comment.</summary>
    private async Task EndAsync(string comment, CancellationToken cancellationToken)
    {
        _ended = true;
        await _output.DrainAsync(cancellationToken);
        var start = _output.Written;
        _directory.Position = 0;
        await _directory.CopyToAsync(_output, cancellationToken);
        var length = _output.Written - start;
        var zip64 = _entries >= ushort.MaxValue || start >= uint.MaxValue || length >= uint.MaxValue;
        if (zip64)
        {
            var end64 = _output.Written;
            var record = new byte[56 + 20];
            var span = record.AsSpan();
            Header(record, 0x06064b50);
            BinaryPrimitives.WriteInt64LittleEndian(span[4..], 44); // The size of the rest of the record.
            BinaryPrimitives.WriteUInt16LittleEndian(span[12..], (3 << 8) | Version45);
            BinaryPrimitives.WriteUInt16LittleEndian(span[14..], Version45);
            BinaryPrimitives.WriteInt64LittleEndian(span[24..], _entries);
            BinaryPrimitives.WriteInt64LittleEndian(span[32..], _entries);
            BinaryPrimitives.WriteInt64LittleEndian(span[40..], length);
            BinaryPrimitives.WriteInt64LittleEndian(span[48..], start);
            BinaryPrimitives.WriteUInt32LittleEndian(span[56..], 0x07064b50); // The locator: disk 0, the record's offset, one disk.
            BinaryPrimitives.WriteInt64LittleEndian(span[64..], end64);
            BinaryPrimitives.WriteUInt32LittleEndian(span[72..], 1);
            await _output.WriteAsync(record, cancellationToken);
        }
        var text = Encoding.UTF8.GetBytes(comment);
        var end = new byte[22 + text.Length];
        var e = end.AsSpan();
        Header(end, 0x06054b50);
        var count = zip64 ? ushort.MaxValue : (ushort)_entries;
        BinaryPrimitives.WriteUInt16LittleEndian(e[8..], count);
        BinaryPrimitives.WriteUInt16LittleEndian(e[10..], count);
        BinaryPrimitives.WriteUInt32LittleEndian(e[12..], zip64 ? uint.MaxValue : (uint)length);
        BinaryPrimitives.WriteUInt32LittleEndian(e[16..], zip64 ? uint.MaxValue : (uint)start);
        BinaryPrimitives.WriteUInt16LittleEndian(e[20..], (ushort)text.Length);
        text.CopyTo(e[22..]);
        await _output.WriteAsync(end, cancellationToken);
        await _output.FlushAsync(cancellationToken);
    }

    /// <summary>The fields a local header (from its offset 6) and a directory record (from 8) share: flags to the extra field's length.</summary>
    private void Common(Span<byte> span, uint crc, uint compressed, uint size, int nameLength, int extra)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(span, Flags);
        BinaryPrimitives.WriteUInt16LittleEndian(span[2..], Deflate);
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], _modified.Time);
        BinaryPrimitives.WriteUInt16LittleEndian(span[6..], _modified.Date);
        BinaryPrimitives.WriteUInt32LittleEndian(span[8..], crc);
        BinaryPrimitives.WriteUInt32LittleEndian(span[12..], compressed);
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], size);
        BinaryPrimitives.WriteUInt16LittleEndian(span[20..], checked((ushort)nameLength));
        BinaryPrimitives.WriteUInt16LittleEndian(span[22..], (ushort)extra);
    }

    private static void Header(byte[] buffer, uint signature) => BinaryPrimitives.WriteUInt32LittleEndian(buffer, signature);

    private static UInt128 NameHash(string path) => XxHash128.HashToUInt128(Encoding.UTF8.GetBytes(path));

    /// <summary>MS-DOS time and date (two-second steps, 1980 to 2107), as ZIP headers keep them.</summary>
    private static (ushort Time, ushort Date) DosTime(DateTime at)
    {
        var t = at.Year < 1980 ? new DateTime(1980, 1, 1) : at.Year > 2107 ? new DateTime(2107, 12, 31, 23, 59, 58) : at;
        return ((ushort)((t.Hour << 11) | (t.Minute << 5) | (t.Second / 2)), (ushort)(((t.Year - 1980) << 9) | (t.Month << 5) | t.Day));
    }
}
