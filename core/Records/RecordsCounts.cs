namespace SocialMonitor.Core.Records;

/// <summary>What an export holds, counted as it is written; the manifest and the audit entry give them.</summary>
public sealed class RecordsCounts
{
    public int Items { get; set; }
    public int Versions { get; set; }
    public int Events { get; set; }
    public int Threads { get; set; }
    public int Findings { get; set; }
    public int AuditEntries { get; set; }
    public int Emails { get; set; }
    public int RawAnswers { get; set; }

    /// <summary>Versions captured before versions recorded their answers: exported without a raw answer.</summary>
    public int VersionsWithoutRaw { get; set; }

    /// <summary>Answers a version names that the archive no longer holds.</summary>
    public int RawMissing { get; set; }
}
