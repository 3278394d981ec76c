using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Audit;
using SocialMonitor.Core.Storage;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Audit;

/// <summary>Issue 15: the rows of <c>Audit</c> and <c>AuditBySubject</c> keep their columns and types, and rows written before the typed rows read the same.</summary>
public sealed class AuditRowTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Id = "0000000000000000001_0123456789abcdef0123456789abcdef";
    private static readonly DateTimeOffset s_at = new(2026, 10, 1, 9, 30, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HistoryAndList_RowsInTodaysShape_ReadTheSame()
    {
        await azurite.ResetAsync(Ct);
        await using var services = TestHost.Create(azurite);
        var log = services.GetRequiredService<AuditLog>();
        foreach (var (table, partition) in new[] { (TableNames.Audit, "audit"), (TableNames.AuditBySubject, "finding_f-1") })
        {
            await RawRows.PutAsync(azurite, table, new TableEntity(partition, Id)
            {
                ["At"] = s_at, ["Actor"] = "Sam Lee", ["Subject"] = "finding", ["SubjectId"] = "f-1", ["Action"] = "acknowledged", ["Why"] = "seen",
            }, Ct);
        }

        var history = await log.HistoryAsync("finding", "f-1", Ct);
        var (page, _) = await log.ListAsync(null, 10, Ct);

        var expected = new AuditEntry(Id, s_at, "Sam Lee", "finding", "f-1", null, "acknowledged", null, null, "seen");
        Assert.Equal([expected], history);
        Assert.Equal([expected], page);
    }

    [Fact]
    public async Task AppendAsync_RoundTrip_WritesTodaysColumnsAndReadsTheSame()
    {
        await azurite.ResetAsync(Ct);
        await using var services = TestHost.Create(azurite);
        var log = services.GetRequiredService<AuditLog>();
        var full = new AuditEntry(Id, s_at, "Sam Lee", "finding", "f/1", "hayden", "resolved", "open", "resolved", "hidden");
        var bare = log.NewEntry("system", "finding", "f/1", null, "reopened", null, null, "seen again");

        await log.AppendAsync(full, Ct);
        await log.EnsureAsync(bare, Ct);
        await log.EnsureAsync(bare, Ct);

        Assert.Equal("Action:String, Actor:String, After:String, At:DateTimeOffset, Before:String, Location:String, Subject:String, SubjectId:String, Why:String",
            RawRows.Columns(await RawRows.GetAsync(azurite, TableNames.Audit, "audit", Id, Ct)));
        Assert.Equal("Action:String, Actor:String, At:DateTimeOffset, Subject:String, SubjectId:String, Why:String",
            RawRows.Columns(await RawRows.GetAsync(azurite, TableNames.AuditBySubject, "finding_f%2F1", bare.Id, Ct)));
        Assert.Equal([full, bare], await log.HistoryAsync("finding", "f/1", Ct));
        Assert.Equal([full, bare], (await log.ListAsync(null, 10, Ct)).Entries);
    }
}
