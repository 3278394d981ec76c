using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Archive;
using SocialMonitor.Core.Records;
using SocialMonitor.Core.Scanning;

namespace SocialMonitor.IntegrationTests.Records;

public sealed class RecordsExportTests(RecordsDemo demo) : IClassFixture<RecordsDemo>
{
    // 6 to 10 October 2026 in the library's time zone (America/Los_Angeles, UTC-7 then).
    private const string Range = "location=post-falls&from=2026-10-06&to=2026-10-10";
    private static readonly DateTimeOffset s_from = new(2026, 10, 6, 7, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset s_to = new(2026, 10, 11, 7, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Export_OneLocationAndDateRange_EveryItemInScopeAndNoneOutside()
    {
        using var zip = await ExportAsync(Range);

        var expected = new HashSet<string>(StringComparer.Ordinal);
        var outside = new List<string>();
        var registry = demo.Services.GetRequiredService<AccountRegistry>();
        foreach (var account in await registry.ListAccountsAsync(Ct))
        {
            await foreach (var item in demo.Services.GetRequiredService<ItemIndex>().ReadAccountAsync(account.Id, Ct))
            {
                var path = RecordsPaths.Item(item.Platform, item.Account, item.ItemId);
                (account.Location == "post-falls" && item.CreatedAt >= s_from && item.CreatedAt < s_to ? (ICollection<string>)expected : outside).Add(path);
            }
        }
        var exported = zip.Entries.Select(e => e.FullName).Where(n => n.StartsWith("items/", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);

        Assert.True(expected.Count >= 6, $"the range holds the demo's Post Falls posts and comments of 6 to 10 October ({expected.Count})");
        Assert.Contains(expected, p => p.Contains("/instagram/", StringComparison.Ordinal) || p.Contains("/x/", StringComparison.Ordinal));
        Assert.Equal(expected.Order(StringComparer.Ordinal), exported.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(outside, exported.Contains);
        Assert.Contains(RecordsPaths.Item("facebook", RecordsDemo.Account, "104000000000005_12210500100748553"), outside); // 2 October
    }

    [Fact]
    public async Task Export_EveryItem_HasEveryVersionAndEventOfItsHistory()
    {
        using var zip = await ExportAsync(Range);
        var history = demo.Services.GetRequiredService<ItemHistory>();

        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("items/", StringComparison.Ordinal)))
        {
            var file = await JsonAsync(entry);
            var entries = await history.ListAsync(file.GetProperty("itemId").GetString()!, Ct);
            Assert.Equal(entries.Count(e => e.Event is null), file.GetProperty("versions").GetArrayLength());
            Assert.Equal(entries.Where(e => e.Event is not null).Select(e => e.Event), file.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("event").GetString()));
        }
        var edited = await JsonAsync(zip.GetEntry(RecordsPaths.Item("facebook", RecordsDemo.Account, RecordsDemo.EditedComment))!);
        var versions = edited.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal([demo.OriginalText, RecordsDemo.EditedText], versions.Select(v => v.GetProperty("item").GetProperty("text").GetString()));
        Assert.Equal("edited", edited.GetProperty("events")[0].GetProperty("event").GetString());
        Assert.Equal("2026-10-16T11:00:00-07:00", edited.GetProperty("events")[0].GetProperty("at").GetProperty("local").GetString());
        Assert.Equal("2026-10-16T18:00:00Z", edited.GetProperty("events")[0].GetProperty("at").GetProperty("utc").GetString());
        var deleted = await JsonAsync(zip.GetEntry(RecordsPaths.Item("facebook", RecordsDemo.Account, RecordsDemo.DeletedComment))!);
        Assert.True(deleted.GetProperty("deleted").GetBoolean());
        Assert.Equal("deleted", deleted.GetProperty("events")[0].GetProperty("event").GetString());
    }

    [Fact]
    public async Task Export_ThreadPage_InThreadOrderWithEditsAndDeletionsMarked()
    {
        using var zip = await ExportAsync(Range);

        var page = await TextAsync(zip.GetEntry(RecordsPaths.Thread("facebook", RecordsDemo.Account, RecordsDemo.Post))!);
        int At(string id) => page.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        var order = new[] { RecordsDemo.Post, RecordsDemo.EditedComment, "12210500200748553_1221050020283553", RecordsDemo.DeletedComment }.Select(At).ToList();

        Assert.All(order, i => Assert.True(i >= 0));
        Assert.Equal(order.Order(), order);
        var edited = page[At(RecordsDemo.EditedComment)..At("12210500200748553_1221050020283553")];
        Assert.Contains("EDITED", edited, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(demo.OriginalText), edited, StringComparison.Ordinal);
        Assert.Contains("Edited: last month&#39;s pick was not for me &lt;b&gt;honestly&lt;/b&gt;", edited, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>honestly</b>", page, StringComparison.Ordinal);
        Assert.Contains("DELETED", page[At(RecordsDemo.DeletedComment)..], StringComparison.Ordinal);
        Assert.DoesNotContain("DELETED", page[..At(RecordsDemo.DeletedComment)], StringComparison.Ordinal);
        Assert.Contains("https://www.facebook.com/", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        var index = await TextAsync(zip.GetEntry(RecordsPaths.Index)!);
        Assert.Contains(Path.GetFileName(RecordsPaths.Thread("facebook", RecordsDemo.Account, RecordsDemo.Post)), index, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_RawAnswers_AreTheArchivedBytesUnderTheirHashes()
    {
        using var zip = await ExportAsync(Range);

        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("items/", StringComparison.Ordinal)))
        {
            foreach (var version in (await JsonAsync(entry)).GetProperty("versions").EnumerateArray())
            {
                var shas = version.GetProperty("rawSha256").EnumerateArray().Select(s => s.GetString()!).ToList();
                Assert.NotEmpty(shas); // Captured after versions record their answers: every one names it.
                named.UnionWith(shas);
            }
        }
        Assert.Contains(demo.EditAnswer, named);
        foreach (var sha in named)
        {
            var bytes = await BytesAsync(zip.GetEntry(RecordsPaths.Raw(sha))!);
            Assert.Equal(sha, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }
        var answer = Encoding.UTF8.GetString(await BytesAsync(zip.GetEntry(RecordsPaths.Raw(demo.EditAnswer))!));
        Assert.Contains(RecordsDemo.EditedComment, answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_Manifest_ListsEveryFileWithItsHashAndItsOwnHashIsInTheComment()
    {
        using var zip = await ExportAsync(Range);

        var manifestBytes = await BytesAsync(zip.GetEntry(RecordsPaths.Manifest)!);
        using var manifest = JsonDocument.Parse(manifestBytes);
        var files = manifest.RootElement.GetProperty("files").EnumerateArray().ToList();

        Assert.Equal(RecordsZip.CommentPrefix + Convert.ToHexStringLower(SHA256.HashData(manifestBytes)), zip.Comment);
        Assert.Equal(zip.Entries.Count - 1, files.Count);
        foreach (var file in files)
        {
            var bytes = await BytesAsync(zip.GetEntry(file.GetProperty("path").GetString()!)!);
            Assert.Equal(file.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
            Assert.Equal(file.GetProperty("bytes").GetInt64(), bytes.Length);
        }
        Assert.Equal("coordinator@example.org", manifest.RootElement.GetProperty("exportedBy").GetString());
        Assert.Equal(["post-falls"], manifest.RootElement.GetProperty("query").GetProperty("locations").EnumerateArray().Select(l => l.GetString()));
        Assert.Contains(zip.Entries, e => e.FullName.StartsWith("emails/", StringComparison.Ordinal) && e.FullName.EndsWith(".eml", StringComparison.Ordinal));
        var findings = await JsonAsync(zip.GetEntry(RecordsPaths.FindingsJson)!);
        Assert.True(findings.GetArrayLength() > 0);
        Assert.All(findings.EnumerateArray(), f => Assert.Equal(JsonValueKind.Array, f.GetProperty("statusHistory").ValueKind));
        var items = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("items/", StringComparison.Ordinal)))
        {
            items.Add((await JsonAsync(entry)).GetProperty("itemId").GetString()!);
        }
        Assert.All(findings.EnumerateArray(), f => Assert.Contains(f.GetProperty("finding").GetProperty("itemId").GetString()!, items));
        Assert.StartsWith("id,firstSeen,", await TextAsync(zip.GetEntry(RecordsPaths.FindingsCsv)!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_UnchangedThenOneByteChanged_PassesThenNamesTheFile()
    {
        var bytes = await ExportBytesAsync(Range);
        var archive = demo.Services.GetRequiredService<ResponseArchive>();

        var passed = await RecordsVerifier.VerifyAsync(new MemoryStream(bytes), archive, Ct);
        var changed = await ChangeOneByteAsync(bytes, RecordsPaths.Item("facebook", RecordsDemo.Account, RecordsDemo.EditedComment));
        var failed = await RecordsVerifier.VerifyAsync(new MemoryStream(changed), archive, Ct);

        Assert.True(passed.Passed, string.Join("; ", passed.Problems));
        Assert.True(passed.RawCheckedAgainstArchive > 0);
        var problem = Assert.Single(failed.Problems);
        Assert.StartsWith(RecordsPaths.Item("facebook", RecordsDemo.Account, RecordsDemo.EditedComment) + ": changed", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_FreeText_OnlyItemsWhoseTextHoldsIt()
    {
        using var zip = await ExportAsync("location=post-falls&text=LEGO");

        var items = zip.Entries.Where(e => e.FullName.StartsWith("items/", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(items);
        foreach (var entry in items)
        {
            var texts = (await JsonAsync(entry)).GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("item").GetProperty("text").GetString()!);
            Assert.Contains(texts, t => t.Contains("lego", StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task Export_ManagerKey_Forbidden()
    {
        using var client = demo.Client(RecordsDemo.ManagerKey);

        var response = await client.GetAsync("/api/records/export?" + Range, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Export_UnknownLocation_BadRequestNamingIt()
    {
        using var client = demo.Client(RecordsDemo.CoordinatorKey);

        var response = await client.GetAsync("/api/records/export?location=nowhere", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("nowhere", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_IsAudited_WithWhoWhatAndTheManifestHash()
    {
        using var zip = await ExportAsync(Range);
        var sha = zip.Comment[RecordsZip.CommentPrefix.Length..];
        using var client = demo.Client(RecordsDemo.CoordinatorKey);

        var audit = await client.GetFromJsonAsync<JsonElement>($"/api/audit?subject=records&subjectId={sha}", Ct);

        // The demo's clock stands still, so the same query gives the same manifest: each test's export is one more entry with its hash.
        Assert.NotEmpty(audit.GetProperty("items").EnumerateArray());
        var entry = audit.GetProperty("items")[0];
        Assert.Equal("coordinator@example.org", entry.GetProperty("actor").GetString());
        Assert.Equal("export", entry.GetProperty("action").GetString());
        Assert.Equal(sha, entry.GetProperty("after").GetProperty("manifestSha256").GetString());
        Assert.Contains("post-falls", entry.GetProperty("why").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_Manifest_ListsTheActiveHoldsThatCoverItsScopeAndNoOther()
    {
        var holds = demo.Services.GetRequiredService<LegalHoldService>();
        const string By = "coordinator@example.org";
        async Task<LegalHold> PlaceAsync(string? location, DateOnly? from, DateOnly? to, string reason) =>
            await holds.PlaceAsync(new LegalHoldRequest { Location = location, From = from, To = to, Reason = reason }, By, Ct);
        var overlapping = await PlaceAsync("post-falls", new DateOnly(2026, 10, 9), new DateOnly(2026, 10, 31), "Records request 2026-114: the closure");
        var districtWide = await PlaceAsync(null, new DateOnly(2026, 10, 1), null, "Litigation hold: Doe v. CLN");
        var before = await PlaceAsync("post-falls", new DateOnly(2026, 9, 1), new DateOnly(2026, 10, 5), "Records request 2026-101"); // ends the day before the range
        var after = await PlaceAsync("post-falls", new DateOnly(2026, 10, 11), null, "Records request 2026-120"); // starts the day after
        var elsewhere = await PlaceAsync("hayden", new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), "Records request 2026-115");
        var lifted = await PlaceAsync("post-falls", new DateOnly(2026, 10, 7), new DateOnly(2026, 10, 8), "Records request 2026-099");
        await holds.LiftAsync(lifted.Id, "request answered", By, coordinator: true, Ct);
        try
        {
            using var zip = await ExportAsync(Range);

            using var manifest = JsonDocument.Parse(await BytesAsync(zip.GetEntry(RecordsPaths.Manifest)!));
            var listed = manifest.RootElement.GetProperty("legalHolds").EnumerateArray().ToList();
            Assert.Equal(new[] { overlapping.Id, districtWide.Id }.Order(StringComparer.Ordinal),
                listed.Select(h => h.GetProperty("id").GetString()!).Order(StringComparer.Ordinal));
            var first = listed.Single(h => h.GetProperty("id").GetString() == overlapping.Id);
            Assert.Equal(("post-falls", "2026-10-09", "2026-10-31", "Records request 2026-114: the closure", By),
                (first.GetProperty("location").GetString(), first.GetProperty("from").GetString(), first.GetProperty("to").GetString(),
                 first.GetProperty("reason").GetString(), first.GetProperty("placedBy").GetString()));
            Assert.Contains(manifest.RootElement.GetProperty("notes").EnumerateArray(), n => n.GetString()!.StartsWith("2 active legal holds", StringComparison.Ordinal));
            Assert.DoesNotContain(listed, h => h.GetProperty("id").GetString() is var id && (id == before.Id || id == after.Id || id == elsewhere.Id || id == lifted.Id));
        }
        finally
        {
            foreach (var hold in new[] { overlapping, districtWide, before, after, elsewhere })
            {
                await holds.LiftAsync(hold.Id, "test over", By, coordinator: true, Ct);
            }
        }
    }

    private async Task<byte[]> ExportBytesAsync(string query)
    {
        using var client = demo.Client(RecordsDemo.CoordinatorKey);
        using var response = await client.GetAsync("/api/records/export?" + query, HttpCompletionOption.ResponseHeadersRead, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync(Ct);
    }

    private async Task<ZipArchive> ExportAsync(string query) => new(new MemoryStream(await ExportBytesAsync(query)), ZipArchiveMode.Read);

    /// <summary>The same ZIP with one byte of one entry changed (the entry rewritten whole, so the ZIP itself is sound).</summary>
    private static async Task<byte[]> ChangeOneByteAsync(byte[] zipBytes, string path)
    {
        var copy = new MemoryStream();
        copy.Write(zipBytes);
        using (var zip = new ZipArchive(copy, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry(path)!;
            var bytes = await BytesAsync(entry);
            bytes[bytes.Length / 2] ^= 0x01;
            entry.Delete();
            await using var stream = zip.CreateEntry(path).Open();
            await stream.WriteAsync(bytes, Ct);
        }
        return copy.ToArray();
    }

    private static async Task<byte[]> BytesAsync(ZipArchiveEntry entry)
    {
        await using var stream = entry.Open();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, Ct);
        return copy.ToArray();
    }

    private static async Task<string> TextAsync(ZipArchiveEntry entry) => Encoding.UTF8.GetString(await BytesAsync(entry));

    private static async Task<JsonElement> JsonAsync(ZipArchiveEntry entry)
    {
        using var document = JsonDocument.Parse(await BytesAsync(entry));
        return document.RootElement.Clone();
    }
}
