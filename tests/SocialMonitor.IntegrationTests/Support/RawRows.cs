using System.Globalization;
using Azure.Data.Tables;

namespace SocialMonitor.IntegrationTests.Support;

/// <summary>
/// Rows as Table Storage holds them, without the typed rows of core: writes a row in the shape the stores wrote it
/// before they had typed rows, and lists the columns (name and stored type) a store wrote, so a test can hold both.
/// </summary>
internal static class RawRows
{
    public static async Task PutAsync(AzuriteFixture azurite, string table, TableEntity row, CancellationToken cancellationToken)
    {
        var client = new TableClient(azurite.ConnectionString, table);
        await client.CreateIfNotExistsAsync(cancellationToken);
        await client.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    public static async Task<TableEntity> GetAsync(AzuriteFixture azurite, string table, string partition, string row, CancellationToken cancellationToken) =>
        (await new TableClient(azurite.ConnectionString, table).GetEntityAsync<TableEntity>(partition, row, cancellationToken: cancellationToken)).Value;

    public static async Task<List<TableEntity>> PartitionAsync(AzuriteFixture azurite, string table, string partition, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in new TableClient(azurite.ConnectionString, table).QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>The row's own columns as <c>Name:Type</c>, in name order (keys, timestamp and ETag left out); a date is stored as <c>DateTimeOffset</c>.</summary>
    public static string Columns(TableEntity row) => string.Join(", ", row.Keys
        .Where(k => k is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))
        .Order(StringComparer.Ordinal)
        .Select(k => string.Create(CultureInfo.InvariantCulture, $"{k}:{row[k]?.GetType().Name ?? "null"}")));
}
