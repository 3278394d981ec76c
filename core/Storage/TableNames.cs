namespace SocialMonitor.Core.Storage;

public static class TableNames
{
    public const string Registry = "Registry";
    public const string Findings = "Findings";
    public const string FindingsByTime = "FindingsByTime";
    public const string FindingsByItem = "FindingsByItem";

    /// <summary>The findings' counts per location, library day and rule, with a marker row per finding (<c>FindingTrendIndex</c>).</summary>
    public const string FindingTrends = "FindingTrends";
    public const string Cursors = "Cursors";
    public const string ItemIndex = "ItemIndex";
    public const string ItemHistory = "ItemHistory";
    public const string FailedAttempts = "FailedAttempts";
    public const string Approvals = "Approvals";
    public const string Audit = "Audit";
    public const string AuditBySubject = "AuditBySubject";
    public const string Outbox = "Outbox";
    public const string DigestItems = "DigestItems";
    public const string EscalationWatch = "EscalationWatch";

    /// <summary>Each account's last token check (PartitionKey account, RowKey <c>token</c>): its expiry, read by the health endpoint.</summary>
    public const string TokenChecks = "TokenChecks";

    /// <summary>What each platform with a read budget spent per period (PartitionKey platform, RowKey the period), written with its ETag.</summary>
    public const string Budgets = "Budgets";

    /// <summary>Legal holds (PartitionKey <c>hold</c>, RowKey the hold's id): placed and lifted, never deleted.</summary>
    public const string LegalHolds = "LegalHolds";
}
