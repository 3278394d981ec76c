namespace SocialMonitor.Core.Accounts;

/// <summary>
/// What an account is (the accounts file's <c>use</c>): the library's own (<c>official</c>, the default), or a staff
/// member's personal account captured for the record with their consent (<c>personal</c>: read only while its
/// <c>accounts</c> approval is in force, evaluated by the PII rule alone, its findings to the coordinator only).
/// </summary>
public static class AccountUses
{
    public const string Official = "official";
    public const string Personal = "personal";

    public static readonly IReadOnlyList<string> All = [Official, Personal];
}
