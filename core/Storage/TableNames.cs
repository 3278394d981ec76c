namespace SocialMonitor.Core.Storage;

public static class TableNames
{
    public const string Registry = "Registry";
    public const string Findings = "Findings";
    public const string FindingsByTime = "FindingsByTime";
    public const string Cursors = "Cursors";
    public const string ItemIndex = "ItemIndex";
    public const string ItemHistory = "ItemHistory";
    public const string FailedAttempts = "FailedAttempts";
    public const string Approvals = "Approvals";
    public const string Audit = "Audit";
    public const string AuditBySubject = "AuditBySubject";
}
