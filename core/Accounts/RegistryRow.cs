using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Accounts;

/// <summary>
/// A row of <c>Registry</c>: the coordinator (PartitionKey and RowKey <c>coordinator</c>, <see cref="Person"/> as JSON),
/// a location (PartitionKey <c>location</c>, <see cref="Name"/> and <see cref="Managers"/> as JSON) or an account
/// (PartitionKey <c>account</c>, <see cref="Account"/> as JSON and <see cref="ApprovedVia"/>, <c>file</c> or <c>api</c>).
/// </summary>
internal sealed class RegistryRow : TableRow
{
    public string? Person { get; set; }
    public string? Name { get; set; }
    public string? Managers { get; set; }
    public string? Account { get; set; }
    public string? ApprovedVia { get; set; }
}
