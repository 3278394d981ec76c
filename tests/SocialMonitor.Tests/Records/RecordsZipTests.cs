using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using SocialMonitor.Core.Records;

namespace SocialMonitor.Tests.Records;

/// <summary>The export's own ZIP writer, read back by <see cref="ZipArchive"/> (which checks every entry's CRC-32 as it reads).</summary>
public sealed class RecordsZipTests
{
    private static readonly DateTime s_modified = new(2026, 10, 16, 11, 30, 42);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CloseAsync_OntoAnAsyncOnlyStream_EntriesReadBackWithTheirBytesNamesTimeAndTheManifestHashInTheComment()
    {
        var output = new AsyncOnlyStream();
        var big = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"line {i}: Storytime moves to Saturday.\n"));
        string sha;
        await using (var zip = await RecordsZip.CreateAsync(output, s_modified, Ct))
        {
            await zip.AddTextAsync("items/facebook/cln-post-falls-fb/1_2.json", "{\"text\":\"Café au lait ☕\"}", Ct);
            await zip.AddTextAsync("threads/ünïcode-page.html", big, Ct);
            await zip.AddTextAsync("empty.txt", "", Ct);
            Assert.True(zip.Contains("threads/ünïcode-page.html"));
            Assert.False(zip.Contains("threads/other.html"));
            sha = await zip.CloseAsync(RecordsPaths.Manifest, s => s.WriteAsync("{\"format\":\"x\"}"u8.ToArray(), Ct).AsTask(), Ct);
        }

        using var read = new ZipArchive(new MemoryStream(output.ToArray()), ZipArchiveMode.Read);
        Assert.Equal(["items/facebook/cln-post-falls-fb/1_2.json", "threads/ünïcode-page.html", "empty.txt", RecordsPaths.Manifest], read.Entries.Select(e => e.FullName));
        Assert.Equal("{\"text\":\"Café au lait ☕\"}", await TextAsync(read.Entries[0]));
        Assert.Equal(big, await TextAsync(read.Entries[1]));
        Assert.True(read.Entries[1].CompressedLength < read.Entries[1].Length / 5, "deflated");
        Assert.Equal("", await TextAsync(read.Entries[2]));
        Assert.Equal(RecordsZip.CommentPrefix + sha, read.Comment);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData("{\"format\":\"x\"}"u8)), sha);
        Assert.Equal(new DateTime(2026, 10, 16, 11, 30, 42), read.Entries[0].LastWriteTime.DateTime);
    }

    [Fact]
    public async Task AddAsync_ReturnsEachFilesHashAndSizeAndSpoolsThemForTheManifest()
    {
        var output = new AsyncOnlyStream();
        await using var zip = await RecordsZip.CreateAsync(output, s_modified, Ct);

        var file = await zip.AddTextAsync("audit.json", "[]\n", Ct);
        await zip.AddTextAsync("findings.json", "[1]\n", Ct);

        Assert.Equal(("audit.json", Convert.ToHexStringLower(SHA256.HashData("[]\n"u8)), 3L), (file.Path, file.Sha256, file.Bytes));
        Assert.Equal(2, zip.Files.Count);
        using var lines = new StreamReader(await zip.Files.OpenReadAsync());
        Assert.Contains("findings.json", await lines.ReadToEndAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CloseAsync_SeventyThousandEntries_WritesTheZip64EndRecordsThatReadersNeed()
    {
        var output = new AsyncOnlyStream();
        const int Count = 70_000;
        await using (var zip = await RecordsZip.CreateAsync(output, s_modified, Ct))
        {
            for (var i = 0; i < Count; i++)
            {
                await zip.AddTextAsync($"items/x/a/{i}.json", i.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct);
            }
            await zip.CloseAsync(RecordsPaths.Manifest, s => s.WriteAsync("{}"u8.ToArray(), Ct).AsTask(), Ct);
        }

        var bytes = output.ToArray();
        using var read = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        Assert.Equal(Count + 1, read.Entries.Count);
        Assert.Equal("69999", await TextAsync(read.GetEntry("items/x/a/69999.json")!));
        var end = bytes.AsSpan(bytes.Length - 22 - read.Comment.Length - 76);
        Assert.Equal(0x06064b50u, BinaryPrimitives.ReadUInt32LittleEndian(end)); // The ZIP64 end record, then its locator, then the end record.
        Assert.Equal(0x07064b50u, BinaryPrimitives.ReadUInt32LittleEndian(end[56..]));
    }

    [Fact]
    public async Task AddAsync_SamePathTwice_Refused()
    {
        await using var zip = await RecordsZip.CreateAsync(new AsyncOnlyStream(), s_modified, Ct);
        await zip.AddTextAsync("raw/abc.json", "{}", Ct);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => zip.AddTextAsync("raw/abc.json", "{}", Ct));

        Assert.Contains("raw/abc.json twice", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisposeAsync_WithoutClose_LeavesAReadableZipWithoutManifestOrComment()
    {
        var output = new AsyncOnlyStream();
        await using (var zip = await RecordsZip.CreateAsync(output, s_modified, Ct))
        {
            await zip.AddTextAsync("items/a.json", "{}", Ct);
            // The export fails here.
        }

        using var read = new ZipArchive(new MemoryStream(output.ToArray()), ZipArchiveMode.Read);
        Assert.Equal(["items/a.json"], read.Entries.Select(e => e.FullName));
        Assert.Equal("", read.Comment);
        var verification = await RecordsVerifier.VerifyAsync(new MemoryStream(output.ToArray()), null, Ct);
        Assert.False(verification.Passed);
    }

    private static async Task<string> TextAsync(ZipArchiveEntry entry)
    {
        await using var stream = await entry.OpenAsync(Ct);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync(Ct);
    }
}
